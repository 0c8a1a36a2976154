package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Roles;

/**
 * {@code GET /api/devices/{id}/consumption.csv?from=&to=}: every clock hour of those local days as CSV. A class of its
 * own only for its path (a resource at {@code devices/{id}} would hide {@code DevicesResource}'s).
 */
@Path("devices/{id}/consumption.csv")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class ConsumptionCsvResource {

    @Inject
    ConsumptionResource consumption;

    @GET
    @Produces(ConsumptionResource.CSV)
    @Operation(
            operationId = "consumptionCsv",
            summary = "Every clock hour of the local days from 'from' to 'to' as CSV: start,kwh,readings,flags")
    @APIResponse(
            responseCode = "200",
            description = "start,kwh,readings,flags,price,cost: one row per hour",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        return consumption.csv(id, from, to);
    }
}
