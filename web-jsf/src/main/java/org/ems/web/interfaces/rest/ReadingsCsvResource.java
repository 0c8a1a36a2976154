package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.device.DeviceData;
import org.ems.devices.application.DeviceService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.ReadingsExport;

/**
 * {@code GET /api/devices/{id}/readings.csv?from=&to=}: the device's raw readings over those local days (inclusive, in
 * the device's zone, at most {@value ConsumptionService#MAX_DAYS}), streamed as they are read. The owner or an
 * administrator; another's device is a 404.
 */
@Path("devices/{id}/readings.csv")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class ReadingsCsvResource {

    @Inject
    DeviceService devices;

    @Inject
    ReadingsExport export;

    @Inject
    Caller caller;

    @GET
    @Produces(ConsumptionResource.CSV)
    @Operation(
            operationId = "readingsCsv",
            summary = "The raw readings of the local days from 'from' to 'to' as CSV: time,kwh,receivedAt,flags"
                    + " (reset, estimated), streamed")
    @APIResponse(
            responseCode = "200",
            description = "time,kwh,receivedAt,flags: one row per reading",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response csv(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate first = ConsumptionResource.localDate("from", from);
        LocalDate last = ConsumptionResource.localDate("to", to);
        DeviceData device = devices.find(Ids.uuid(id, "device"), caller);
        ConsumptionService.Span span = ConsumptionService.span(first, last, ZoneId.of(device.timeZone()));
        StreamingOutput rows = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            export.write(device.id(), span.start(), span.end(), writer);
            writer.flush();
        };
        return Response.ok(rows, ConsumptionResource.CSV + ";charset=UTF-8")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"readings-" + device.id() + "-" + first + "-" + last + ".csv\"")
                .build();
    }
}
