package org.ems.users.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ems.users.domain.LoginSession;
import org.ems.users.domain.LoginSessionRepository;

/** Sign-ins in {@code users.login_session} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaLoginSessionRepository implements LoginSessionRepository {

    /** Stands for "no sign-in to keep" (binding a null UUID trips EclipseLink). */
    private static final UUID NOBODY = new UUID(0, 0);

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Override
    public Optional<LoginSession> find(UUID id) {
        return Optional.ofNullable(em.find(LoginSession.class, id));
    }

    @Override
    public void add(LoginSession session) {
        em.persist(session);
    }

    @Override
    public void purgeExpiredBefore(Instant cutoff) {
        em.createQuery("delete from LoginSession s where s.expiresAt < :cutoff")
                .setParameter("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    @Override
    public Set<UUID> activeAmong(Collection<UUID> ids, Instant now) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(
                        "select s.id from LoginSession s where s.id in :ids"
                                + " and s.revokedAt is null and s.expiresAt > :now",
                        UUID.class)
                .setParameter("ids", ids)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList());
    }

    @Override
    public void revokeAllOf(UUID userId, UUID keep, Instant now) {
        em.createQuery("update LoginSession s set s.revokedAt = :now where s.userId = :user"
                        + " and s.revokedAt is null and s.id <> :keep")
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("user", userId)
                .setParameter("keep", keep == null ? NOBODY : keep)
                .executeUpdate();
    }
}
