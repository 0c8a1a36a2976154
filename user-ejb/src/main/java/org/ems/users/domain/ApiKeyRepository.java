package org.ems.users.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where API keys are kept. */
public interface ApiKeyRepository {

    Optional<ApiKey> find(UUID id);

    /** The key of this SHA-256, revoked or not. */
    Optional<ApiKey> byHash(String keyHash);

    /** Every key, the newest first. */
    List<ApiKey> all();

    void add(ApiKey key);

    /** Notes that the key was used at {@code now}, unless that was noted less than {@code every} before. */
    void used(UUID id, Instant now, Duration every);
}
