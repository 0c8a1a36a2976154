package org.ems.users.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * A back-office system's credential for the API: a name, a role, and the SHA-256 of its key (the key itself is shown
 * once, when it is made). Valid until it expires or is revoked.
 */
@Entity
@Table(name = "api_key", schema = "users")
public class ApiKey {

    /** What a key may do: everything an administrator may, or only read what an administrator may read. */
    public enum Role {
        ADMIN,
        READER
    }

    /** Every key starts so: never mistaken for a JWT, and found by secret scanners. */
    public static final String PREFIX = "ems_";

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Role role;

    @Column(name = "key_hash", nullable = false, length = 64)
    private String keyHash;

    @Column(name = "created_by", nullable = false, length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    /** Written by the repository, at most once a minute, without loading the key. */
    @Column(name = "last_used_at", insertable = false, updatable = false)
    private OffsetDateTime lastUsedAt;

    protected ApiKey() {}

    public ApiKey(String name, Role role, String keyHash, String createdBy, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.role = role;
        this.keyHash = keyHash;
        this.createdBy = createdBy;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.expiresAt = expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC);
    }

    /** Whether the key may be used at {@code now}: neither revoked nor expired. */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt.toInstant()));
    }

    /** Revokes the key (again: no change); whether this changed it. */
    public boolean revoke() {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return true;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt).map(OffsetDateTime::toInstant);
    }

    public Optional<Instant> lastUsedAt() {
        return Optional.ofNullable(lastUsedAt).map(OffsetDateTime::toInstant);
    }
}
