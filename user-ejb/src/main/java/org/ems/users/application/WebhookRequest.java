package org.ems.users.application;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A webhook as an administrator creates or changes it: where, which events, and optionally its secret (at least 16
 * characters; EMS makes one when it is left out of a new hook, and keeps the old one when left out of a change), and
 * whether it is enabled (left out: yes).
 */
public record WebhookRequest(
        @NotNull(message = "url is required") @Size(max = 2000, message = "url must have at most 2000 characters")
        String url,

        @NotEmpty(message = "events must name at least one event")
        List<String> events,

        @Size(min = 16, max = 200, message = "secret must have 16 to 200 characters")
        String secret,

        Boolean enabled) {}
