package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.users.domain.WebhookAddress;

/** Where webhooks may point on this EMS: {@code ems.webhooks.allow-http} and {@code ems.webhooks.allow-private}. */
@ApplicationScoped
class WebhookRules {

    @Inject
    @ConfigProperty(name = "ems.webhooks.allow-http", defaultValue = "false")
    boolean allowHttp;

    @Inject
    @ConfigProperty(name = "ems.webhooks.allow-private", defaultValue = "false")
    boolean allowPrivate;

    @Produces
    WebhookAddress address() {
        return new WebhookAddress(allowHttp, allowPrivate);
    }
}
