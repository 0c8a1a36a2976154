package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Roles;
import org.ems.users.application.ApiKeyRequest;
import org.ems.users.application.ApiKeyView;
import org.ems.users.application.ApiKeys;

/** {@code /api/api-keys}: back-office systems' credentials, for administrators only. */
@Path("api-keys")
@RolesAllowed(Roles.ADMIN)
// Problem JSON too: a client that reads only problems of an answer without a body (a DELETE) asks for just that.
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeysResource {

    @Inject
    ApiKeys keys;

    @GET
    @Operation(operationId = "listApiKeys", summary = "Every API key, the newest first, revoked ones too (never a key)")
    public List<ApiKeyView> list() {
        return keys.all();
    }

    @POST
    @Operation(
            operationId = "createApiKey",
            summary = "A new API key (role ADMIN or READER): the answer shows the key, once")
    @APIResponse(
            responseCode = "201",
            description = "Made; its key is shown in this answer only",
            content = @Content(schema = @Schema(implementation = ApiKeyView.class)))
    public Response create(ApiKeyRequest request, @Context UriInfo uri) {
        ApiKeyView created = keys.create(UsersResource.required(request));
        return Created.withSecret(uri, created.id(), created).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(
            operationId = "revokeApiKey",
            summary = "Revoke an API key: refused from then on, on every instance (again: unchanged)")
    @APIResponse(responseCode = "204", description = "Revoked (or was already)")
    public Response revoke(@PathParam("id") String id) {
        keys.revoke(Ids.uuid(id, "API key"));
        return Response.noContent().build();
    }
}
