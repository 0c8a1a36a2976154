package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.users.domain.LoginSession;
import org.ems.users.domain.User;

/**
 * Sign-ins that are still good. Every request of the API, the pages and the sockets is served only while its sign-in
 * is active here, so ending one (sign-out, a deleted or demoted user, a password change) takes effect on the next
 * request on every instance: the state is in the shared database, not in the token or the instance's memory.
 */
@Stateless
public class LoginSessions {

    /** A page session ends after this long whatever the activity (its idle timeout is the servlet session's). */
    public static final Duration PAGE_LIFETIME = Duration.ofHours(12);

    /** Rows of ended sign-ins are kept this long after they expire, then purged. */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    /** Stands for "no sign-in to keep" (binding a null UUID trips EclipseLink). */
    private static final UUID NOBODY = new UUID(0, 0);

    @PersistenceContext(unitName = "users")
    EntityManager em;

    public LoginSession open(User user, LoginSession.Kind kind, Duration lifetime) {
        Instant now = Instant.now();
        em.createQuery("delete from LoginSession s where s.expiresAt < :cutoff")
                .setParameter("cutoff", now.minus(KEEP_EXPIRED).atOffset(ZoneOffset.UTC))
                .executeUpdate();
        LoginSession session = new LoginSession(user.id(), kind, now, lifetime);
        em.persist(session);
        return session;
    }

    /** The caller of the sign-in, if it is still active (its user exists, it is neither revoked nor expired). */
    public Optional<Caller> active(UUID sessionId) {
        LoginSession session = em.find(LoginSession.class, sessionId);
        if (session == null || !session.activeAt(Instant.now())) {
            return Optional.empty();
        }
        User user = em.find(User.class, session.userId());
        return Optional.ofNullable(user)
                .map(u -> new Caller(u.id(), u.username(), u.role().name()));
    }

    /** Those of {@code sessionIds} that are still active (for closing the sockets of the others). */
    public Set<UUID> activeAmong(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select s.id from LoginSession s where s.id in :ids"
                                + " and s.revokedAt is null and s.expiresAt > :now",
                        UUID.class)
                .setParameter("ids", sessionIds)
                .setParameter("now", Instant.now().atOffset(ZoneOffset.UTC))
                .getResultList());
    }

    /** Ends one sign-in (sign-out); an unknown or ended one is left as it is. */
    public void revoke(UUID sessionId) {
        LoginSession session = em.find(LoginSession.class, sessionId);
        if (session != null) {
            session.revoke(Instant.now());
        }
    }

    /** Ends every sign-in of the user but {@code keep} (the one making a change, if it is theirs; may be null). */
    public void revokeAllOf(UUID userId, UUID keep) {
        em.createQuery("update LoginSession s set s.revokedAt = :now where s.userId = :user"
                        + " and s.revokedAt is null and s.id <> :keep")
                .setParameter("now", Instant.now().atOffset(ZoneOffset.UTC))
                .setParameter("user", userId)
                .setParameter("keep", keep == null ? NOBODY : keep)
                .executeUpdate();
    }
}
