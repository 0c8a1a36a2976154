package org.ems.web.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.users.application.Notifications;

/**
 * {@code POST /api/notifications/unsubscribe?user=&list=&key=}: the one-click unsubscribe of RFC 8058, which mail
 * programs post to ({@code List-Unsubscribe=One-Click}) from a notification's {@code List-Unsubscribe} header.
 */
@Path("notifications")
public class NotificationsResource {

    @Inject
    Notifications notifications;

    @POST
    @Path("unsubscribe")
    @PermitAll
    @Operation(summary = "Stop a list of notification mails with the key of its link (RFC 8058 one-click)")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response unsubscribe(
            @QueryParam("user") String user, @QueryParam("list") String list, @QueryParam("key") String key) {
        UUID id;
        try {
            id = UUID.fromString(String.valueOf(user));
        } catch (IllegalArgumentException notAnId) {
            throw Problem.badRequest("user must be a user id");
        }
        notifications.unsubscribe(id, list, key);
        return Response.noContent().build();
    }
}
