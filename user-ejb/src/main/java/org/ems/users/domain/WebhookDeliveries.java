package org.ems.users.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deliveries of events to webhooks, kept in the database in the transaction of the event, and what became of each;
 * claimed for a lease before each attempt, so that no two instances make one at once.
 */
public interface WebhookDeliveries {

    /** Queues a delivery unless one of the same cause went to the hook already (an event delivered again). */
    void queue(UUID id, UUID webhookId, String event, String cause, String payload, Instant now);

    /** How many of the hook's deliveries have a cause beginning with {@code causePrefix}. */
    int count(UUID webhookId, String causePrefix);

    /** A delivery claimed for an attempt, with its hook's address and secret. */
    record Claimed(
            UUID id,
            UUID webhookId,
            String url,
            String secret,
            String event,
            String payload,
            int attempts,
            Instant createdAt) {}

    /** Claims up to {@code max} due deliveries of enabled hooks for {@code lease}; none that another holds. */
    List<Claimed> claimDue(Instant now, Duration lease, int max);

    /** Answered with 2xx: delivered; the hook fails no more. */
    void delivered(UUID id, UUID webhookId, int statusCode, Instant now);

    /** Not delivered: tried again at {@code next}, or (null) failed for good. */
    void undelivered(UUID id, Integer statusCode, String error, Instant now, Instant next);

    /**
     * The hook's delivery failed: it is failing since then, unless it was already. Whether it has now been failing
     * for {@code disableAfter}: then it is disabled, and its waiting deliveries fail.
     */
    boolean failing(UUID webhookId, Instant now, Duration disableAfter);

    /** A delivery as the API lists it. */
    record Delivery(
            UUID id,
            String event,
            String status,
            Integer statusCode,
            int attempts,
            Instant createdAt,
            Instant lastAttemptAt,
            String error) {}

    /** The hook's latest deliveries, newest first. */
    List<Delivery> latest(UUID webhookId, int max);

    /** How many deliveries wait to be made. */
    long pending();

    /** Deletes finished deliveries older than {@code before} that are not among the last {@code keep} of their hook. */
    int purge(Instant before, int keep);
}
