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
import org.ems.users.application.UserImport;
import org.ems.users.application.UserRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/**
 * {@code POST /api/users/import}: users of a CSV file ({@link UserRow#COLUMNS}) created at once, all or nothing,
 * without passwords; {@code ?dryRun=true} only checks. A class of its own only for its path.
 */
@Path("users/import")
@RolesAllowed(Roles.ADMIN)
public class UsersImportResource {

    @Inject
    UserImport imports;

    @POST
    @Consumes({CsvFiles.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importUsers",
            summary = "Create the users of a CSV file (header username,name,role,timeZone,email), without passwords"
                    + " (each is mailed a link to choose one): every row checked first, 422 listing each bad row and"
                    + " nothing applied; else all in one transaction. dryRun=true only checks")
    public UserImport.Result importFile(String body, @QueryParam("dryRun") String dryRun) {
        return imports.importRows(
                CsvFiles.rows(body, UserRow.COLUMNS).stream().map(UserRow::of).toList(),
                Paging.flag("dryRun", dryRun).orElse(false));
    }
}
