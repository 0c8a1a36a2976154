package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.access.Roles;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.paging.Page;
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
    @Operation(
            operationId = "listAlerts",
            summary = "A page of the alerts of the caller's devices (ADMIN: all), newest first (sort=created: oldest"
                    + " first); by device, kind, acknowledged or not")
    @APIResponse(
            responseCode = "200",
            description = "A page of alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, ref = "Alert")))
    public Response list(
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("sort") String sort,
            @QueryParam("deviceId") String deviceId,
            @QueryParam("kind") String kind,
            @QueryParam("acknowledged") String acknowledged,
            @Context UriInfo uri) {
        Paging paging = Paging.of(page, size, Paging.DEFAULT_SIZE);
        Page<AlertMessage> found = alerts.page(
                caller,
                Ids.optional(deviceId, "device"),
                kind(kind),
                Paging.flag("acknowledged", acknowledged),
                paging.request(sort, List.of("created"), "-created"));
        JsonArrayBuilder list = Json.createArrayBuilder();
        found.items().forEach(alert -> list.add(alert.toJsonObject()));
        return paging.answer(uri, found.total(), list.build());
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
    @Operation(operationId = "acknowledgeAlert", summary = "Acknowledge an alert (again: unchanged)")
    @APIResponse(
            responseCode = "200",
            description = "The alert, acknowledged",
            content = @Content(schema = @Schema(ref = "Alert")))
    public JsonObject acknowledge(@PathParam("id") String id) {
        UUID alertId = Ids.uuid(id, "alert");
        return alerts.acknowledge(alertId, caller)
                .orElseThrow(() -> Problem.notFound("no alert " + alertId))
                .toJsonObject();
    }
}
