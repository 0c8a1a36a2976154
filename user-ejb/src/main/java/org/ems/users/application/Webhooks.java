package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.users.domain.UserTokens;
import org.ems.users.domain.Webhook;
import org.ems.users.domain.WebhookAddress;
import org.ems.users.domain.WebhookDeliveries;
import org.ems.users.domain.WebhookRepository;

/**
 * The webhooks administrators keep (the API and the console check the role): each change audited, never with its
 * secret; where a hook may point is {@link WebhookAddress}'s rule ({@link WebhookRules}).
 */
@Stateless
public class Webhooks {

    /** The deliveries a hook's list shows. */
    public static final int DELIVERIES_SHOWN = 100;

    @Inject
    WebhookRepository hooks;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhookEvents events;

    @Inject
    AuditLog audit;

    @Inject
    WebhookAddress addresses;

    /** Every hook, oldest first (the console's list: a handful). */
    public List<WebhookView> all() {
        return page(PageRequest.all()).items();
    }

    public Page<WebhookView> page(PageRequest page) {
        return hooks.page(page).map(WebhookView::of);
    }

    public WebhookView find(UUID id) {
        return WebhookView.of(existing(id));
    }

    /** A new hook; the answer holds its secret, which is never shown again. */
    public WebhookView create(@Valid @NotNull WebhookRequest request) {
        String secret = request.getSecret() == null ? UserTokens.newToken() : request.getSecret();
        Webhook hook = new Webhook(url(request), events(request), secret, request.enabledOrDefault());
        hooks.add(hook);
        audit.record("WEBHOOK_CREATED", "WEBHOOK", hook.id(), null, WebhookView.of(hook));
        return WebhookView.of(hook).withSecret(secret);
    }

    /** Changes a hook: enabling a disabled one sends its waiting deliveries again. */
    public WebhookView change(UUID id, @Valid @NotNull WebhookRequest request) {
        Webhook hook = existing(id);
        WebhookView before = WebhookView.of(hook);
        hook.change(url(request), events(request), request.enabledOrDefault());
        if (request.getSecret() != null) {
            hook.changeSecret(request.getSecret());
        }
        audit.record(
                request.getSecret() == null ? "WEBHOOK_UPDATED" : "WEBHOOK_UPDATED_WITH_SECRET",
                "WEBHOOK",
                id,
                before,
                WebhookView.of(hook));
        return WebhookView.of(hook);
    }

    public void delete(UUID id) {
        Webhook hook = existing(id);
        hooks.remove(hook);
        audit.record("WEBHOOK_DELETED", "WEBHOOK", id, WebhookView.of(hook), null);
    }

    /** The hook's latest deliveries, newest first. */
    public List<WebhookDeliveries.Delivery> deliveries(UUID id) {
        existing(id);
        return deliveries.latest(id, DELIVERIES_SHOWN);
    }

    /** Queues a test event for the hook. */
    public void test(UUID id, String by) {
        events.test(existing(id), by);
    }

    private Webhook existing(UUID id) {
        return hooks.find(id).orElseThrow(() -> Rejected.notFound("no webhook " + id));
    }

    private String url(WebhookRequest request) {
        String url = request.getUrl().strip();
        addresses.problem(url).ifPresent(problem -> {
            throw Rejected.invalid("url", problem);
        });
        return url;
    }

    private static Set<String> events(WebhookRequest request) {
        Set<String> events = new LinkedHashSet<>(request.getEvents());
        if (!Webhook.EVENTS.containsAll(events)) {
            throw Rejected.invalid("events", "events must be some of " + WebhookEvents.events());
        }
        return events;
    }
}
