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
import org.ems.contracts.access.Rejected;
import org.ems.contracts.access.Roles;
import org.ems.contracts.paging.Page;
import org.ems.users.application.NewUser;
import org.ems.users.application.UserChange;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;
import org.ems.web.infrastructure.security.SignedIn;

/** {@code /api/users}: accounts, for administrators only. */
@Path("users")
@RolesAllowed(Roles.ADMIN)
// Problem JSON too: a client that reads only problems of an answer without a body (a DELETE) asks for just that.
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** The orders of the list. */
    static final List<String> SORTS = List.of("created", "username", "name", "role", "timeZone");

    @Inject
    UserService users;

    @Inject
    SignedIn signedIn;

    @GET
    @Operation(
            operationId = "listUsers",
            summary = "A page of the users (oldest first unless sorted), by a word in username or name, by role")
    @APIResponse(
            responseCode = "200",
            description = "A page of users",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = UserView.class)))
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort,
            @QueryParam("text") String text,
            @QueryParam("role") String role,
            @Context UriInfo uri) {
        Paging paging = Paging.of(page, size, Paging.DEFAULT_SIZE);
        if (role != null
                && !role.isBlank()
                && !List.of(Roles.ADMIN, Roles.CLIENT).contains(role.strip())) {
            throw Rejected.invalid("role", "role must be ADMIN or CLIENT");
        }
        Page<UserView> found = users.page(new UserService.UserQuery(
                text, role == null ? "" : role.strip(), paging.request(sort, SORTS, "created")));
        return paging.answer(uri, found.total(), found.items());
    }

    @POST
    @Operation(operationId = "createUser")
    @APIResponse(
            responseCode = "201",
            description = "Made",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response create(NewUser request, @Context UriInfo uri) {
        UserView created = users.create(required(request));
        return Created.at(uri, created.id(), created).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "findUser")
    public UserView find(@PathParam("id") String id) {
        return users.find(Ids.uuid(id, "user"));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateUser")
    public UserView update(@PathParam("id") String id, UserChange change) {
        return users.update(Ids.uuid(id, "user"), required(change), signedIn.sessionId());
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteUser")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id) {
        users.delete(Ids.uuid(id, "user"));
        return Response.noContent().build();
    }

    /**
     * Erases the user (GDPR article 17): deleted, and their name taken out of what must stay (the audit log, their
     * chat messages to clients); the answer names the alias in its place.
     */
    @POST
    @Path("{id}/erase")
    @Operation(
            operationId = "eraseUser",
            summary = "Erase a user: the account deleted, their name taken out of the audit log and the chat")
    @APIResponse(
            responseCode = "200",
            description = "Erased; the alias that stands for them now",
            content = @Content(schema = @Schema(implementation = UsersResource.Erased.class)))
    public Response erase(@PathParam("id") String id) {
        String alias = users.erase(Ids.uuid(id, "user"));
        return Response.ok(new Erased(alias)).build();
    }

    /** What stands for an erased user where their name was. */
    public record Erased(String alias) {}

    static <T> T required(T body) {
        if (body == null) {
            throw Problem.badRequest("a JSON body is required");
        }
        return body;
    }
}
