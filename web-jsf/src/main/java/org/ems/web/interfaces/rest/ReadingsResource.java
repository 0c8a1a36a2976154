package org.ems.web.interfaces.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.jms.JMSRuntimeException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.access.Roles;
import org.ems.contracts.meter.MeterIdentity;
import org.ems.contracts.reading.DecodedReadings;
import org.ems.contracts.reading.InvalidReadingException;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.web.infrastructure.messaging.ReadingsQueue;
import org.ems.web.infrastructure.security.PerSecondLimit;

/**
 * {@code POST /api/readings}: meters (HTTP Basic with their own credential) and gateways post readings in the forms
 * of the broker's messages. The whole message is checked first (decoding, and a meter's readings must all be its
 * own): anything wrong is a 400 listing each reason, nothing of it queued; otherwise 202 once the broker holds it
 * durably, and monitoring applies it as any meter's message. A meter may post {@value #PER_SECOND} times a second
 * (429 beyond, on each instance); the gateway, a trusted concentrator, is not limited. While the broker is away the
 * answer is 503 with {@code Retry-After}.
 */
@Path("readings")
@RolesAllowed(Roles.METER)
public class ReadingsResource {

    static final int PER_SECOND = 10;

    private static final Logger LOG = Logger.getLogger(ReadingsResource.class.getName());

    private static final PerSecondLimit LIMIT = new PerSecondLimit(PER_SECOND);

    @Inject
    ReadingsQueue queue;

    @Inject
    MetricRegistry metrics;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "postReadings",
            summary = "Readings of a meter (HTTP Basic: its own credential, or the gateway's), queued durably")
    @APIResponse(
            responseCode = "202",
            description = "Queued for monitoring",
            content = @Content(schema = @Schema(implementation = ReadingsResource.Accepted.class)))
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(
            content = @Content(schema = @Schema(ref = "Readings")))
    public Response post(String body, @Context SecurityContext security) {
        String sender = security.getUserPrincipal().getName();
        if (MeterIdentity.deviceOf(sender) != null && !LIMIT.admits(sender, System.currentTimeMillis())) {
            metrics.counter("ems.readings.http.refused", new Tag("reason", "throttled"))
                    .inc();
            return Response.fromResponse(Problem.of(
                                    Response.Status.TOO_MANY_REQUESTS,
                                    "more than " + PER_SECOND + " requests a second from meter " + sender)
                            .toResponse())
                    .header("Retry-After", "1")
                    .build();
        }
        DecodedReadings decoded;
        try {
            decoded = MeterReadingCodec.decode(body);
        } catch (InvalidReadingException e) {
            metrics.counter("ems.readings.http.refused", new Tag("reason", "invalid"))
                    .inc();
            throw Problem.badRequest(e.getMessage());
        }
        List<Rejected.FieldError> errors = new ArrayList<>();
        for (DecodedReadings.Rejected rejected : decoded.rejected()) {
            errors.add(new Rejected.FieldError(rejected.field(), rejected.problem()));
        }
        Set<UUID> foreign = new LinkedHashSet<>();
        for (MeterReading reading : decoded.readings()) {
            if (!MeterIdentity.mayReport(sender, reading.deviceId())) {
                foreign.add(reading.deviceId());
            }
        }
        foreign.forEach(
                device -> errors.add(new Rejected.FieldError("deviceId", MeterIdentity.notItsOwn(sender, device))));
        if (!errors.isEmpty()) {
            metrics.counter("ems.readings.http.refused", new Tag("reason", "invalid"))
                    .inc();
            throw Problem.invalid(errors).asException();
        }
        try {
            queue.send(decoded.readings());
        } catch (JMSRuntimeException brokerAway) {
            // Not the meter's mistake, and nothing was queued: it sends the same again a little later.
            LOG.warning(() -> "Readings posted over HTTP not queued, the broker is away: " + brokerAway.getMessage());
            return Response.fromResponse(
                            Problem.of(Response.Status.SERVICE_UNAVAILABLE, "the broker cannot take readings now")
                                    .toResponse())
                    .header("Retry-After", "5")
                    .build();
        }
        return Response.accepted(new Accepted(decoded.readings().size())).build();
    }

    /** How many readings were queued. */
    public record Accepted(int accepted) {}
}
