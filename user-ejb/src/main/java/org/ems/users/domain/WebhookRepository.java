package org.ems.users.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where webhooks are kept. */
public interface WebhookRepository {

    Optional<Webhook> find(UUID id);

    /** Every hook, oldest first. */
    List<Webhook> all();

    /** The enabled hooks that asked for {@code event}. */
    List<Webhook> subscribedTo(String event);

    void add(Webhook hook);

    void remove(Webhook hook);
}
