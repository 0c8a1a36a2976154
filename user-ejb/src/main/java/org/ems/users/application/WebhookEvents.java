package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.platform.Jsonp;
import org.ems.users.domain.Webhook;
import org.ems.users.domain.WebhookDeliveries;
import org.ems.users.domain.WebhookRepository;

/**
 * Events for the webhooks, queued in the transaction that received them, for every enabled hook that asked for the
 * event: {@code {"id","event","occurredAt","data"}} with the id of the delivery and data as the REST API shows it.
 * Each cause once per hook, however often it is delivered.
 */
@ApplicationScoped
public class WebhookEvents {

    @Inject
    WebhookRepository hooks;

    @Inject
    WebhookDeliveries deliveries;

    /**
     * An alert raised (or reinstated: after each withdrawal it is raised anew), withdrawn, or resolved (a silent meter
     * reports again); a later total of a standing alert is no new event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alert(AlertMessage alert) {
        if (alert.facts() instanceof AlertFacts.Silent silent && silent.resolvedAt() != null) {
            for (Webhook hook : hooks.subscribedTo("alert.resolved")) {
                queue(
                        hook,
                        "alert.resolved",
                        "alert.resolved:" + alert.id(),
                        silent.resolvedAt(),
                        alert.toJsonObject());
            }
            return;
        }
        String event = alert.standing() ? "alert.raised" : "alert.withdrawn";
        String withdrawals = "alert.withdrawn:" + alert.id() + ":";
        for (Webhook hook : hooks.subscribedTo(event)) {
            String cause = alert.standing()
                    ? "alert.raised:" + alert.id() + ":" + deliveries.count(hook.id(), withdrawals)
                    : withdrawals + alert.withdrawnAt();
            queue(hook, event, cause, alert.standing() ? alert.createdAt() : alert.withdrawnAt(), alert.toJsonObject());
        }
    }

    /** A device created, changed or deleted (as it was then); each version once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void device(DeviceEvent change) {
        String event = switch (change.type()) {
            case CREATED -> "device.created";
            case UPDATED -> "device.changed";
            case DELETED -> "device.deleted";
        };
        JsonObject data = change.deviceJson();
        for (Webhook hook : hooks.subscribedTo(event)) {
            queue(hook, event, "device:" + change.device().id() + ":" + change.version(), change.occurredAt(), data);
        }
    }

    /** "Send a test event": to this hook alone, whatever it asked for. */
    void test(Webhook hook, String by) {
        queue(
                hook,
                Webhook.TEST_EVENT,
                "test:" + UUID.randomUUID(),
                Instant.now(),
                Jsonp.PROVIDER
                        .createObjectBuilder()
                        .add("webhookId", hook.id().toString())
                        .add("requestedBy", by)
                        .build());
    }

    private void queue(Webhook hook, String event, String cause, Instant occurredAt, JsonObject data) {
        UUID id = UUID.randomUUID();
        String payload = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", id.toString())
                .add("event", event)
                .add("occurredAt", occurredAt.toString())
                .add("data", data)
                .build()
                .toString();
        deliveries.queue(id, hook.id(), event, cause, payload, Instant.now());
    }

    /** The events a hook may ask for. */
    public static List<String> events() {
        return Webhook.EVENTS.stream().sorted().toList();
    }
}
