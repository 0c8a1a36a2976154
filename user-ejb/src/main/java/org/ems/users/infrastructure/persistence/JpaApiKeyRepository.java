package org.ems.users.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.users.domain.ApiKey;
import org.ems.users.domain.ApiKeyRepository;

/** API keys in {@code users.api_key} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Override
    public Optional<ApiKey> find(UUID id) {
        return Optional.ofNullable(em.find(ApiKey.class, id));
    }

    @Override
    public Optional<ApiKey> byHash(String keyHash) {
        return em.createQuery("select k from ApiKey k where k.keyHash = :hash", ApiKey.class)
                .setParameter("hash", keyHash)
                .getResultStream()
                .findFirst();
    }

    @Override
    public List<ApiKey> all() {
        return em.createQuery("select k from ApiKey k order by k.createdAt desc, k.id", ApiKey.class)
                .getResultList();
    }

    @Override
    public void add(ApiKey key) {
        em.persist(key);
    }

    @Override
    public void used(UUID id, Instant now, Duration every) {
        // Guarded here too: two instances (or requests) that both saw an old last use write it once.
        em.createNativeQuery("update users.api_key set last_used_at = ?1 where id = ?2"
                        + " and (last_used_at is null or last_used_at < ?3)")
                .setParameter(1, now.atOffset(ZoneOffset.UTC))
                .setParameter(2, id)
                .setParameter(3, now.minus(every).atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }
}
