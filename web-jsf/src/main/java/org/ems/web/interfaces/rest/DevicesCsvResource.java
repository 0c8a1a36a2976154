package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.paging.Page;
import org.ems.devices.application.DeviceImport;
import org.ems.devices.application.DeviceRow;

/**
 * {@code GET /api/devices.csv}: every device in the import's format ({@link DevicesImportResource}), so an export can
 * be imported again elsewhere; streamed page by page.
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
    @Operation(summary = "Every device as CSV, in the import's format (re-importable), oldest first, streamed")
    public Response export() {
        Caller exporter = caller; // the request's, captured before the answer streams
        StreamingOutput rows = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            CSVPrinter printer = CsvFiles.printer(writer, DeviceRow.COLUMNS);
            for (int page = 0; ; page++) {
                Page<DeviceRow> found = imports.exportPage(page, exporter);
                for (DeviceRow row : found.items()) {
                    printer.printRecord(row.cells());
                }
                if ((page + 1L) * DeviceImport.EXPORT_PAGE >= found.total()) {
                    break;
                }
            }
            printer.flush();
        };
        return Response.ok(rows, CsvFiles.MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"devices.csv\"")
                .build();
    }
}
