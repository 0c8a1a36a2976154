package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.ApiKey;
import org.ems.users.domain.ApiKeyRepository;
import org.ems.users.domain.UserTokens;

/**
 * API keys for back-office systems (the API and the console check the administrator's role): made with the key shown
 * once, listed without it, revoked; each creation and revocation audited. {@link #signIn} is the check every request
 * with a key passes, against the database each time, so a revoked key is refused at once on every instance.
 */
@Stateless
public class ApiKeys {

    /** How often a key's last use is written. */
    private static final Duration USE_NOTED_EVERY = Duration.ofMinutes(1);

    @Inject
    ApiKeyRepository keys;

    @Inject
    AuditLog audit;

    @Resource
    SessionContext session;

    /** A new key; the answer holds it, and it is never shown again (only its SHA-256 is kept). */
    public ApiKeyView create(@Valid @NotNull ApiKeyRequest request) {
        Instant expiresAt = request.getExpiresAt();
        if (expiresAt != null && !expiresAt.isAfter(Instant.now())) {
            throw Rejected.invalid("expiresAt", "expiresAt must be in the future");
        }
        String secret = ApiKey.PREFIX + UserTokens.newToken();
        ApiKey key = new ApiKey(
                request.getName().strip(),
                ApiKey.Role.valueOf(request.getRole()),
                UserTokens.hash(secret),
                session.getCallerPrincipal().getName(),
                expiresAt);
        keys.add(key);
        audit.record("API_KEY_CREATED", "API_KEY", key.id(), null, ApiKeyView.of(key));
        return ApiKeyView.of(key).withKey(secret);
    }

    /** Every key, the newest first, revoked ones too. */
    public List<ApiKeyView> all() {
        return keys.all().stream().map(ApiKeyView::of).toList();
    }

    /** Revokes the key at once (again: no change, nothing audited). */
    public void revoke(UUID id) {
        ApiKey key = keys.find(id).orElseThrow(() -> Rejected.notFound("no API key " + id));
        ApiKeyView before = ApiKeyView.of(key);
        if (key.revoke()) {
            audit.record("API_KEY_REVOKED", "API_KEY", id, before, ApiKeyView.of(key));
        }
    }

    /** The key presented, when it is one of ours and neither revoked nor expired; its use noted (to the minute). */
    public Optional<ApiKeyView> signIn(String presented) {
        Instant now = Instant.now();
        Optional<ApiKey> key = keys.byHash(UserTokens.hash(presented)).filter(k -> k.activeAt(now));
        // Written at most once a minute: a nightly pull of thousands of pages makes no write per request.
        key.filter(k -> k.lastUsedAt()
                        .map(last -> last.isBefore(now.minus(USE_NOTED_EVERY)))
                        .orElse(true))
                .ifPresent(k -> keys.used(k.id(), now, USE_NOTED_EVERY));
        return key.map(ApiKeyView::of);
    }
}
