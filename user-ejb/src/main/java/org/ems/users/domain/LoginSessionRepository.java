package org.ems.users.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Where sign-ins are kept, shared by every instance. */
public interface LoginSessionRepository {

    Optional<LoginSession> find(UUID id);

    void add(LoginSession session);

    /** Forgets the sign-ins that expired before {@code cutoff}. */
    void purgeExpiredBefore(Instant cutoff);

    /** Those of {@code ids} that are neither revoked nor expired at {@code now}. */
    Set<UUID> activeAmong(Collection<UUID> ids, Instant now);

    /** Revokes, at {@code now}, every active sign-in of the user but {@code keep} (may be null). */
    void revokeAllOf(UUID userId, UUID keep, Instant now);
}
