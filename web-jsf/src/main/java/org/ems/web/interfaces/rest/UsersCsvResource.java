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
import org.ems.contracts.access.Roles;
import org.ems.users.application.UserImport;
import org.ems.users.application.UserRow;
import org.ems.web.infrastructure.csv.CsvFiles;

/**
 * {@code GET /api/users.csv}: every user in the import's format ({@link UsersImportResource}), never a password;
 * streamed page by page. A class of its own only for its path.
 */
@Path("users.csv")
@RolesAllowed(Roles.ADMIN)
public class UsersCsvResource {

    @Inject
    UserImport imports;

    @GET
    @Produces(CsvFiles.MEDIA_TYPE)
    @Operation(
            operationId = "exportUsers",
            summary = "Every user as CSV (username,name,role,timeZone,email), re-importable, oldest first, streamed")
    @APIResponse(
            responseCode = "200",
            description = "Every user, in the import's columns",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    public Response export() {
        return CsvFiles.download(
                "users.csv", UserRow.COLUMNS, UserImport.EXPORT_PAGE, imports::exportPage, UserRow::cells);
    }
}
