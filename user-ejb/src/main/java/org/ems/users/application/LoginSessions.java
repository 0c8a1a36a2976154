package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.users.domain.LoginSession;
import org.ems.users.domain.LoginSessionRepository;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;

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

    @Inject
    LoginSessionRepository sessions;

    @Inject
    UserRepository users;

    public LoginSession open(User user, LoginSession.Kind kind, Duration lifetime) {
        Instant now = Instant.now();
        sessions.purgeExpiredBefore(now.minus(KEEP_EXPIRED));
        LoginSession session = new LoginSession(user.id(), kind, now, lifetime);
        sessions.add(session);
        return session;
    }

    /** The caller of the sign-in, if it is still active (its user exists, it is neither revoked nor expired). */
    public Optional<Caller> active(UUID sessionId) {
        return sessions.find(sessionId)
                .filter(session -> session.activeAt(Instant.now()))
                .flatMap(session -> users.find(session.userId()))
                .map(u -> new Caller(u.id(), u.username(), u.role().name()));
    }

    /** Those of {@code sessionIds} that are still active (for closing the sockets of the others). */
    public Set<UUID> activeAmong(Collection<UUID> sessionIds) {
        return sessions.activeAmong(sessionIds, Instant.now());
    }

    /** Ends one sign-in (sign-out); an unknown or ended one is left as it is. */
    public void revoke(UUID sessionId) {
        sessions.find(sessionId).ifPresent(session -> session.revoke(Instant.now()));
    }

    /** Ends every sign-in of the user but {@code keep} (the one making a change, if it is theirs; may be null). */
    public void revokeAllOf(UUID userId, UUID keep) {
        sessions.revokeAllOf(userId, keep, Instant.now());
    }
}
