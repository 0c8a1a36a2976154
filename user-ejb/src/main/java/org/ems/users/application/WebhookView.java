package org.ems.users.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ems.users.domain.Webhook;

/**
 * A webhook as the API shows it: never its secret, except once, in the answer that created it.
 *
 * @param disabledAt when it was disabled (by an administrator, or after failing for a day), or null
 * @param failingSince since when its deliveries fail without a success, or null
 * @param secret only in the answer to its creation
 */
public record WebhookView(
        UUID id,
        String url,
        List<String> events,
        boolean enabled,
        Instant disabledAt,
        Instant failingSince,
        Instant createdAt,
        String secret) {

    static WebhookView of(Webhook hook) {
        return new WebhookView(
                hook.id(),
                hook.url(),
                List.copyOf(hook.events()),
                hook.enabled(),
                hook.disabledAt().orElse(null),
                hook.failingSince().orElse(null),
                hook.createdAt(),
                null);
    }

    WebhookView withSecret(String secret) {
        return new WebhookView(id, url, events, enabled, disabledAt, failingSince, createdAt, secret);
    }
}
