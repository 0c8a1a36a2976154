package org.ems.users.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.paging.JpaPages;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.users.domain.Webhook;
import org.ems.users.domain.WebhookRepository;

/** Webhooks in {@code users.webhook} through JPA, in the caller's transaction. */
@ApplicationScoped
public class JpaWebhookRepository implements WebhookRepository {

    private static final JpaPages<Webhook> PAGES =
            new JpaPages<>(Webhook.class, "Webhook w", "", Map.of("created", "w.createdAt"), "w.createdAt");

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Override
    public Optional<Webhook> find(UUID id) {
        return Optional.ofNullable(em.find(Webhook.class, id));
    }

    @Override
    public Page<Webhook> page(PageRequest page) {
        return PAGES.page(em, page, Map.of());
    }

    @Override
    public List<Webhook> subscribedTo(String event) {
        // a handful of hooks: filtered here rather than by a pattern on the list of events
        return em.createQuery("select w from Webhook w where w.enabled = true", Webhook.class)
                .getResultStream()
                .filter(hook -> hook.events().contains(event))
                .toList();
    }

    @Override
    public void add(Webhook hook) {
        em.persist(hook);
    }

    @Override
    public void remove(Webhook hook) {
        em.remove(hook);
    }
}
