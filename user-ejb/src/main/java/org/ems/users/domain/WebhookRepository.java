package org.ems.users.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;

/** Where webhooks are kept. */
public interface WebhookRepository {

    Optional<Webhook> find(UUID id);

    /** A page of the hooks, oldest first. */
    Page<Webhook> page(PageRequest page);

    /** The enabled hooks that asked for {@code event}. */
    List<Webhook> subscribedTo(String event);

    void add(Webhook hook);

    void remove(Webhook hook);
}
