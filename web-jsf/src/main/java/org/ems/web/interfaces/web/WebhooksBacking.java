package org.ems.web.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.WebhookEvents;
import org.ems.users.application.WebhookRequest;
import org.ems.users.application.WebhookView;
import org.ems.users.application.Webhooks;
import org.ems.users.domain.WebhookDeliveries;
import org.ems.web.infrastructure.security.SignedIn;

/**
 * The console's webhooks page: add a hook (its secret shown once), enable, disable or delete one, send it a test
 * event, and see its last deliveries.
 */
@Named
@ViewScoped
public class WebhooksBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Webhooks webhooks;

    @Inject
    SignedIn signedIn;

    private String url;
    private List<String> events = new ArrayList<>(List.of("alert.raised", "alert.withdrawn"));
    private String newSecret;
    private UUID selected;

    public List<WebhookView> getHooks() {
        return webhooks.all();
    }

    public List<String> getEventNames() {
        return WebhookEvents.events();
    }

    /** The selected hook's deliveries, newest first; none while none is selected. */
    public List<WebhookDeliveries.Delivery> getDeliveries() {
        return selected == null ? List.of() : webhooks.deliveries(selected);
    }

    public void add() {
        try {
            WebhookView created = webhooks.create(new WebhookRequest(url, events, null, true));
            newSecret = created.secret();
            selected = created.id();
            url = null;
            PageMessages.done("webhooks.added");
        } catch (Rejected rejected) {
            PageMessages.refused(rejected, "webhooksForm");
        }
    }

    public void enable(WebhookView hook, boolean on) {
        webhooks.change(hook.id(), new WebhookRequest(hook.url(), hook.events(), null, on));
        PageMessages.done(on ? "webhooks.enabled" : "webhooks.disabled");
    }

    public void test(WebhookView hook) {
        webhooks.test(hook.id(), signedIn.caller().username());
        selected = hook.id();
        PageMessages.done("webhooks.testQueued");
    }

    public void delete(WebhookView hook) {
        webhooks.delete(hook.id());
        if (hook.id().equals(selected)) {
            selected = null;
        }
        PageMessages.done("webhooks.deleted");
    }

    public void select(WebhookView hook) {
        selected = hook.id();
    }

    public UUID getSelected() {
        return selected;
    }

    /** The secret of the hook just added, shown once. */
    public String getNewSecret() {
        return newSecret;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getEvents() {
        return events;
    }

    public void setEvents(List<String> events) {
        this.events = events;
    }
}
