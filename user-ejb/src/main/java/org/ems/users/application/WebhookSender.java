package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.Retries;
import org.ems.users.domain.WebhookAddress;
import org.ems.users.domain.WebhookDeliveries;
import org.ems.users.domain.WebhookPoster;

/**
 * Makes the webhook deliveries, on every instance, every two seconds: each due one is claimed for a lease, POSTed
 * with {@code X-EMS-Event}, {@code X-EMS-Delivery} (its id, the same on every attempt) and {@code X-EMS-Signature:
 * sha256=<hex HMAC-SHA256 of the body with the hook's secret>}. A 2xx answer within 10 s delivers it; anything else is
 * tried again after a pause that doubles from 30 s to an hour, for a day, then failed. A hook whose deliveries have
 * failed for a day without a success is disabled (audited). Hourly, old finished deliveries go.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

    static final Duration LEASE = Duration.ofMinutes(1);

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookPoster poster;

    @Inject
    AuditLog audit;

    @Inject
    MetricRegistry metrics;

    @Inject
    WebhookAddress addresses;

    @Resource
    ManagedScheduledExecutorService scheduler;

    void schedule(@Observes Startup startup) {
        metrics.counter("ems.webhooks.delivered");
        metrics.counter("ems.webhooks.failed");
        metrics.gauge("ems.webhooks.waiting", deliveries, WebhookDeliveries::pending);
        scheduler.scheduleWithFixedDelay(
                Schedules.guarded(LOG, "delivering webhooks", () -> deliverDue(Instant.now())), 5, 2, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(
                Schedules.guarded(
                        LOG,
                        "the webhook upkeep",
                        () -> deliveries.purge(Instant.now().minus(Duration.ofDays(7)), 100)),
                90,
                3600,
                TimeUnit.SECONDS);
    }

    void deliverDue(Instant now) {
        List<WebhookDeliveries.Claimed> due;
        while (!(due = deliveries.claimDue(now, LEASE, 20)).isEmpty()) {
            due.forEach(delivery -> deliver(delivery, now));
        }
    }

    private void deliver(WebhookDeliveries.Claimed delivery, Instant now) {
        Integer status = null;
        String error;
        try {
            // checked again now: the host's name may point elsewhere than when the hook was saved
            String problem = addresses.problem(delivery.url()).orElse(null);
            if (problem != null) {
                throw new WebhookPoster.Unreachable(problem);
            }
            status = poster.post(
                    URI.create(delivery.url()),
                    Map.of(
                            "X-EMS-Event", delivery.event(),
                            "X-EMS-Delivery", delivery.id().toString(),
                            "X-EMS-Signature", "sha256=" + signature(delivery.secret(), delivery.payload())),
                    delivery.payload());
            if (status >= 200 && status < 300) {
                deliveries.delivered(delivery.id(), delivery.webhookId(), status, Instant.now());
                metrics.counter("ems.webhooks.delivered").inc();
                return;
            }
            error = "answered " + status;
        } catch (WebhookPoster.Unreachable e) {
            error = e.getMessage();
        }
        boolean giveUp = !delivery.createdAt().plus(Retries.GIVE_UP_AFTER).isAfter(now);
        deliveries.undelivered(
                delivery.id(),
                status,
                error,
                Instant.now(),
                giveUp ? null : now.plus(Retries.pause(delivery.attempts())));
        if (giveUp) {
            metrics.counter("ems.webhooks.failed").inc();
        }
        if (deliveries.failing(delivery.webhookId(), Instant.now(), Retries.GIVE_UP_AFTER)) {
            audit.record(
                    "WEBHOOK_DISABLED", "WEBHOOK", delivery.webhookId(), null, Map.of("reason", "failing for a day"));
            LOG.warning(() -> "Webhook " + delivery.webhookId() + " disabled: its deliveries failed for a day");
        }
    }

    /** The hex HMAC-SHA256 of {@code body} with {@code secret}, as {@code X-EMS-Signature} carries it. */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256 in this JVM", e);
        }
    }
}
