package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.access.Roles;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.monitoring.application.AlertService;

/**
 * {@code /api/alerts}: a client's own alerts of every kind (an administrator's view: all), newest first, and
 * acknowledging them.
 * Another's alert is a 404, like another's device.
 */
@Path("alerts")
@RolesAllowed({Roles.ADMIN, Roles.CLIENT})
@Produces(MediaType.APPLICATION_JSON)
public class AlertsResource {

    @Inject
    AlertService alerts;

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "Alerts of the caller's devices (ADMIN: all), newest first, at most 500; by device, by kind")
    public JsonArray list(@QueryParam("deviceId") String deviceId, @QueryParam("kind") String kind) {
        Optional<UUID> device =
                deviceId == null || deviceId.isBlank() ? Optional.empty() : Optional.of(Ids.uuid(deviceId, "device"));
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (AlertMessage alert : alerts.list(caller, device, kind(kind))) {
            list.add(alert.toJsonObject());
        }
        return list.build();
    }

    private static Optional<AlertKind> kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(AlertKind.valueOf(kind.trim()));
        } catch (IllegalArgumentException unknown) {
            throw Rejected.invalid("kind", "kind must be one of " + java.util.Arrays.toString(AlertKind.values()));
        }
    }

    @POST
    @Path("{id}/ack")
    @Operation(summary = "Acknowledge an alert (again: unchanged)")
    public JsonObject acknowledge(@PathParam("id") String id) {
        UUID alertId = Ids.uuid(id, "alert");
        return alerts.acknowledge(alertId, caller)
                .orElseThrow(() -> Problem.notFound("no alert " + alertId))
                .toJsonObject();
    }
}
