package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.ems.users.domain.UserRepository;

/**
 * Who has EMS open (a page keeps its {@code /ws/alerts} socket open; the chat has its own): the web module says so
 * when a socket opens and every minute while it is open. Written at most once a minute per user and instance, so that
 * being here costs the database little; {@link Notifications} mails chat messages only to those away.
 */
@ApplicationScoped
public class Presence {

    static final Duration WRITE_EVERY = Duration.ofMinutes(1);

    /** When this instance last wrote each user's presence; entries older than a write are dropped as it grows. */
    private final Map<UUID, Instant> written = new ConcurrentHashMap<>();

    @Inject
    UserRepository users;

    /** These users have a page or socket open now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seen(Collection<UUID> ids) {
        Instant now = Instant.now();
        Instant stale = now.minus(WRITE_EVERY);
        // merge returns this call's own instant only where it wrote it (none written, or the last one stale)
        List<UUID> due = ids.stream()
                .filter(id -> written.merge(id, now, (last, next) -> last.isAfter(stale) ? last : next) == now)
                .toList();
        if (!due.isEmpty()) {
            users.seen(due, now);
        }
        if (written.size() > 10_000) {
            written.values().removeIf(stale::isAfter);
        }
    }
}
