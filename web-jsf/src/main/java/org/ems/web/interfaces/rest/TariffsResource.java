package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Roles;
import org.ems.contracts.paging.Page;
import org.ems.devices.application.TariffRequest;
import org.ems.devices.application.TariffService;
import org.ems.devices.application.TariffView;

/** {@code /api/tariffs}: what a kWh costs; administrators change them, everyone signed in reads them. */
@Path("tariffs")
@RolesAllowed(Roles.ADMIN)
// Problem JSON too: a client that reads only problems of an answer without a body (a DELETE) asks for just that.
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class TariffsResource {

    @Inject
    TariffService tariffs;

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Operation(operationId = "listTariffs", summary = "A page of the tariffs, by name unless sorted")
    @APIResponse(
            responseCode = "200",
            description = "A page of tariffs",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TariffView.class)))
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort,
            @Context UriInfo uri) {
        Paging paging = Paging.of(page, size, Paging.DEFAULT_SIZE);
        Page<TariffView> found = tariffs.page(paging.request(sort, List.of("name", "created"), "name"));
        return paging.answer(uri, found.total(), found.items());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Operation(operationId = "findTariff")
    public TariffView find(@PathParam("id") String id) {
        return tariffs.find(Ids.uuid(id, "tariff"));
    }

    @POST
    @Operation(
            operationId = "createTariff",
            summary = "A new tariff: a currency and dated versions of a price per kWh with time-of-use rates")
    @APIResponse(
            responseCode = "201",
            description = "Made",
            content = @Content(schema = @Schema(implementation = TariffView.class)))
    public Response create(TariffRequest request, @Context UriInfo uri) {
        TariffView created = tariffs.create(UsersResource.required(request));
        return Created.at(uri, created.id(), created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateTariff")
    public TariffView update(@PathParam("id") String id, TariffRequest request) {
        return tariffs.update(Ids.uuid(id, "tariff"), UsersResource.required(request));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteTariff", summary = "Delete a tariff no device has (409 otherwise)")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        tariffs.delete(Ids.uuid(id, "tariff"));
        return Response.noContent().build();
    }
}
