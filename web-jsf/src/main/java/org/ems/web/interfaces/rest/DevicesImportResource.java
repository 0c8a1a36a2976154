package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ems.contracts.access.Roles;
import org.ems.devices.application.DeviceImport;
import org.ems.devices.application.DeviceRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/**
 * {@code POST /api/devices/import}: devices of a CSV file ({@link DeviceRow#COLUMNS}) created at once, all or nothing;
 * {@code ?dryRun=true} only checks. A class of its own only for its path (as {@link ConsumptionCsvResource}).
 */
@Path("devices/import")
@RolesAllowed(Roles.ADMIN)
public class DevicesImportResource {

    @Inject
    DeviceImport imports;

    @POST
    @Consumes({CsvFiles.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importDevices",
            summary = "Create the devices of a CSV file (header name,description,address,maxHourlyKwh,owner,"
                    + "timeZone,tariff): every row checked first, 422 listing each bad row and nothing applied;"
                    + " else all in one transaction. dryRun=true only checks")
    public DeviceImport.Result importFile(String body, @QueryParam("dryRun") String dryRun) {
        return imports.importRows(
                CsvFiles.rows(body, DeviceRow.COLUMNS).stream()
                        .map(DeviceRow::of)
                        .toList(),
                Paging.flag("dryRun", dryRun).orElse(false));
    }
}
