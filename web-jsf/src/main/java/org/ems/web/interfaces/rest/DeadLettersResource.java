package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Roles;
import org.ems.contracts.messaging.Destinations;
import org.ems.monitoring.application.QueueDepths;
import org.ems.web.infrastructure.messaging.DeadLetters;
import org.ems.web.infrastructure.messaging.DeadLetters.DeadLetter;

/**
 * {@code GET /api/dead-letters?since=<instant>&size=100} (ADMIN): the readings that could never be applied, oldest
 * first from {@code since}, each with its reason and body (cut at {@value #BODY_CHARS} characters); {@code total} is
 * every dead letter waiting. The next page starts at the last one's {@code at} (dead letters of the same millisecond
 * come again: their {@code id} tells them apart).
 */
@Path("dead-letters")
@RolesAllowed(Roles.ADMIN)
public class DeadLettersResource {

    static final int BODY_CHARS = 4_096;

    @Inject
    DeadLetters deadLetters;

    @Inject
    QueueDepths queues;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDeadLetters")
    @APIResponse(
            responseCode = "200",
            description = "Dead letters, oldest first",
            content = @Content(schema = @Schema(ref = "DeadLetterPage")))
    public Response list(@QueryParam("since") String since, @QueryParam("size") String size) {
        int max = Paging.of(null, size, 100).size();
        Instant from = instant(since);
        List<DeadLetter> found;
        try {
            found = deadLetters.browse(from, max, BODY_CHARS);
        } catch (JMSException | JMSRuntimeException brokerAway) {
            return Response.fromResponse(
                            Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the broker cannot be read now")
                                    .toResponse())
                    .header("Retry-After", "5")
                    .build();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (DeadLetter letter : found) {
            JsonObjectBuilder item = Json.createObjectBuilder()
                    .add("id", letter.id())
                    .add("at", letter.at().toString());
            add(item, "reason", letter.reason());
            add(item, "originalMessageId", letter.originalMessageId());
            add(item, "body", letter.body());
            items.add(item.add("bodyCut", letter.cut()));
        }
        JsonObjectBuilder page = Json.createObjectBuilder();
        OptionalLong total = queues.waiting(Destinations.READINGS_DLQ);
        if (total.isPresent()) {
            page.add("total", total.getAsLong());
        } else {
            page.addNull("total");
        }
        return Response.ok(page.add("size", max).add("deadLetters", items).build())
                .build();
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("since must be an instant, e.g. 2026-12-03T10:00:00Z");
        }
    }

    private static void add(JsonObjectBuilder item, String name, String value) {
        if (value == null) {
            item.addNull(name);
        } else {
            item.add(name, value);
        }
    }
}
