package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.devices.application.DeviceImport;
import org.ems.devices.application.DeviceRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/**
 * {@code GET /api/devices.csv}: every device in the import's format ({@link DevicesImportResource}), so an export can
 * be imported again elsewhere; streamed page by page. A class of its own only for its path.
 */
@Path("devices.csv")
@RolesAllowed(Roles.ADMIN)
public class DevicesCsvResource {

    @Inject
    DeviceImport imports;

    @Inject
    Caller caller;

    @GET
    @Produces(CsvFiles.MEDIA_TYPE)
    @Operation(
            operationId = "exportDevices",
            summary = "Every device as CSV, in the import's format (re-importable), oldest first, streamed")
    @APIResponse(
            responseCode = "200",
            description = "Every device, in the import's columns",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export() {
        Caller exporter = caller; // the request's, taken before the answer streams
        return CsvFiles.download(
                "devices.csv",
                DeviceRow.COLUMNS,
                DeviceImport.EXPORT_PAGE,
                page -> imports.exportPage(page, exporter),
                DeviceRow::cells);
    }
}
