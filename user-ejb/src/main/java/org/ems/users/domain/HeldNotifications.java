package org.ems.users.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Notifications that wait for their recipient's quiet hours or daily digest to end, then go as one summary. A cause
 * is held once, and never if a mail of it is queued already ({@link MailOutbox} checks the other way).
 */
public interface HeldNotifications {

    /** A held notification, as it is released. */
    record Held(UUID id, MailList list, Notice notice, Instant createdAt) {}

    /** Holds a notice for the user until {@code releaseAt}, unless its cause was held or mailed before. */
    void hold(UUID id, String cause, UUID userId, MailList list, Notice notice, Instant now, Instant releaseAt);

    /** The cause was taken back: a notice of it still held is dropped. Whether one was released already. */
    boolean withdraw(String cause);

    /** Users with held notifications due at {@code now}, at most {@code max}. */
    List<UUID> due(Instant now, int max);

    /**
     * Releases the user's notifications due at {@code now} and returns them, oldest first; a concurrent release of the
     * same user (another instance) gets none of them.
     */
    List<Held> release(UUID userId, Instant now);

    /** The user changed their preferences: what they have held goes at {@code releaseAt} instead. */
    void retime(UUID userId, Instant releaseAt);

    /** How many notifications are held. */
    long held();

    /** Deletes what was released before {@code releasedBefore}. */
    int purge(Instant releasedBefore);
}
