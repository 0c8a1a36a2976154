package org.ems.web.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ems.users.boundary.UserService;
import org.ems.users.boundary.UserView;

/** {@code GET /api/me}: the signed-in user. */
@Path("me")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class MeResource {

    @Inject
    JsonWebToken caller;

    @Inject
    UserService users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserView me() {
        return users.find(UUID.fromString(caller.getSubject()));
    }
}
