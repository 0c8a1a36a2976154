package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;

/** {@code GET /api/me}: the signed-in user. */
@Path("me")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    UserService users;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public UserView me() {
        return users.find(caller.userId());
    }
}
