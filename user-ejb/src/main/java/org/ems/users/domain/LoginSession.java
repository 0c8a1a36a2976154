package org.ems.users.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * One sign-in: a token for the API (its {@code jti} is this id) or a page session. Access lasts while it is neither
 * revoked nor expired; deleting the user deletes it.
 */
@Entity
@Table(name = "login_session", schema = "users")
public class LoginSession {

    /** Where the sign-in is used. */
    public enum Kind {
        TOKEN,
        PAGE
    }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected LoginSession() {}

    public LoginSession(UUID userId, Kind kind, Instant now, Duration lifetime) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.kind = kind;
        this.createdAt = now.atOffset(ZoneOffset.UTC);
        this.expiresAt = now.plus(lifetime).atOffset(ZoneOffset.UTC);
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public Instant createdAt() {
        return createdAt.toInstant();
    }

    public Instant expiresAt() {
        return expiresAt.toInstant();
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && expiresAt.toInstant().isAfter(now);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now.atOffset(ZoneOffset.UTC);
        }
    }
}
