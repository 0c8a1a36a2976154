package org.ems.users.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mails to send, kept in the database in the transaction of what causes them, and what became of each. Every instance
 * may send: a mail is claimed for a lease before it is sent, so that two instances never hold it at once.
 */
public interface MailOutbox {

    /**
     * Queues a mail unless one of the same {@code cause} is queued or was sent already (a cause delivered again), or
     * is held ({@link HeldNotifications}).
     */
    void queue(UUID id, String cause, UUID userId, Mail mail, Instant now);

    /** Whether a mail whose cause begins with {@code causePrefix} was queued or held after {@code since}. */
    boolean queuedSince(String causePrefix, Instant since);

    /**
     * The cause was taken back (a withdrawn alert): a mail of it still waiting is dropped. Whether one was sent
     * already (then its recipient is told of the withdrawal).
     */
    boolean withdraw(String cause);

    /** A mail claimed for sending, with the attempts made before this one. */
    record Queued(UUID id, Mail mail, int attempts, Instant createdAt) {}

    /** Claims up to {@code max} due mails for {@code lease}; none that another holds. */
    List<Queued> claimDue(Instant now, Duration lease, int max);

    /** Every waiting mail is due at once (EMS starts: what kept them waiting may be mended); how many. */
    int dueNow(Instant now);

    void sent(UUID id, Instant now);

    /** Tried again at {@code next}: the mail server did not take it now. */
    void retry(UUID id, Instant next, String reason);

    /** Given up: refused for good, or not taken for too long. */
    void failed(UUID id, Instant now, String reason);

    /** A mail that failed, for the administrators. */
    record Failure(UUID id, String recipient, String subject, int attempts, Instant failedAt, String reason) {}

    /** The latest failures, newest first. */
    List<Failure> failures(int max);

    /** How many mails wait to be sent. */
    long pending();

    /** Deletes sent mails finished before {@code sentBefore} and failed ones before {@code failedBefore}. */
    int purge(Instant sentBefore, Instant failedBefore);
}
