package org.ems.users.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * A webhook as an administrator creates or changes it: where, which events, and optionally its secret (at least 16
 * characters; EMS makes one when it is left out of a new hook, and keeps the old one when left out of a change), and
 * whether it is enabled (left out: yes). A bean, not a record: Payara's OpenAPI generator fails on constraints of
 * record constructor parameters.
 */
public class WebhookRequest implements Serializable {

    private static final long serialVersionUID = 1L;

    @NotNull(message = "url is required")
    @Size(max = 2000, message = "url must have at most 2000 characters")
    private String url;

    @NotEmpty(message = "events must name at least one event")
    private List<String> events;

    @Size(min = 16, max = 200, message = "secret must have 16 to 200 characters")
    private String secret;

    private Boolean enabled;

    public WebhookRequest() {}

    public WebhookRequest(String url, List<String> events, String secret, Boolean enabled) {
        this.url = url;
        this.events = events;
        this.secret = secret;
        this.enabled = enabled;
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

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
    }

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    /** Whether the hook is to be enabled: unless said otherwise. */
    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
