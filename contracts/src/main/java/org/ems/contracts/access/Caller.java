package org.ems.contracts.access;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who asks, and the one rule of what they may see: an administrator sees everything; anyone else sees only what
 * belongs to them (their devices, those devices' alerts and consumption, their own chat). Every module that filters
 * or checks by owner asks this record, never the role itself.
 *
 * @param userId the caller's user id
 * @param username the caller's user name (the token's {@code upn}, the page session's principal)
 * @param role {@link Roles#ADMIN} or {@link Roles#CLIENT}
 */
public record Caller(UUID userId, String username, String role) implements java.io.Serializable {

    public Caller {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return Roles.ADMIN.equals(role);
    }

    /** Whether the caller may see something owned by {@code ownerId} (null: unassigned, administrators only). */
    public boolean sees(UUID ownerId) {
        return isAdmin() || userId.equals(ownerId);
    }

    /** The owner a query must be limited to: empty for an administrator (everything), the caller for anyone else. */
    public Optional<UUID> ownerScope() {
        return isAdmin() ? Optional.empty() : Optional.of(userId);
    }
}
