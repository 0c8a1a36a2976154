package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.users.application.NotificationSettings;
import org.ems.users.application.ProfileChange;
import org.ems.users.application.ProfileService;
import org.ems.users.application.UserService;
import org.ems.users.application.UserView;
import org.ems.web.infrastructure.security.ClientAddresses;
import org.ems.web.infrastructure.security.SignedIn;

/**
 * {@code GET /api/me}: the signed-in user; {@code PUT /api/me}: what they change of themselves, as on their profile;
 * {@code GET|PUT /api/me/notifications}: what is mailed to them, and when.
 */
@Path("me")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    UserService users;

    @Inject
    ProfileService profiles;

    @Inject
    ClientAddresses addresses;

    @Context
    HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getMe")
    public UserView me() {
        return users.find(caller.userId());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "changeMe",
            summary = "Change your zone, language, e-mail address (confirmed by a mailed link) or, with the current"
                    + " one, your password (your other sign-ins end)")
    public UserView change(ProfileChange change) {
        if (change == null) {
            throw Problem.badRequest("send {\"timeZone\":...}");
        }
        UUID session =
                SignedIn.of(request.getUserPrincipal()).map(SignedIn::sessionId).orElse(null);
        return profiles.changeProfile(caller.userId(), change, session, addresses.of(request));
    }

    @GET
    @Path("notifications")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getNotifications",
            summary = "What is mailed to you (alerts, chat, every alert: administrators), quiet hours, digest")
    public NotificationSettings notifications() {
        return profiles.notifications(caller.userId());
    }

    @PUT
    @Path("notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change what is mailed to you and when: mails in quiet hours, or all of them with the daily"
                    + " digest, wait and go as one summary")
    public NotificationSettings changeNotifications(NotificationSettings change) {
        if (change == null) {
            throw Problem.badRequest("send {\"email\":{...},\"quietHours\":...,\"digest\":...}");
        }
        return profiles.changeNotifications(caller.userId(), change);
    }
}
