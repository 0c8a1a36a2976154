package org.ems.users.application;

import java.time.Instant;
import java.util.UUID;
import org.ems.users.domain.ApiKey;

/**
 * An API key as the API and the console show it: never the key, except once, in the answer that made it.
 *
 * @param key only in the answer to its creation
 * @param lastUsedAt when it was last used, to the minute, or null
 */
public record ApiKeyView(
        UUID id,
        String name,
        String role,
        String key,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    static ApiKeyView of(ApiKey key) {
        return new ApiKeyView(
                key.id(),
                key.name(),
                key.role().name(),
                null,
                key.createdBy(),
                key.createdAt(),
                key.expiresAt().orElse(null),
                key.revokedAt().orElse(null),
                key.lastUsedAt().orElse(null));
    }

    ApiKeyView withKey(String key) {
        return new ApiKeyView(id, name, role, key, createdBy, createdAt, expiresAt, revokedAt, lastUsedAt);
    }

    /** Whether the key may only read. */
    public boolean reader() {
        return ApiKey.Role.READER.name().equals(role);
    }
}
