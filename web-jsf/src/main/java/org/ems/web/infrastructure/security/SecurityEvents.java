package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.ems.users.application.SignInService;

/**
 * Security events, each one log line in a fixed format that a tool like fail2ban can match, and a count on
 * {@code /metrics} ({@code ems_security_events_total{event="..."}}):
 *
 * <pre>ems-security time=2026-12-03T10:15:30.123Z event=sign-in-failed user=alice address=203.0.113.7 reason="..."</pre>
 *
 * Never a password or a token; the username only as far as it is made of characters usernames may have.
 */
@ApplicationScoped
public class SecurityEvents {

    /** What happened. */
    public enum Event {
        SIGN_IN_FAILED,
        SIGN_IN_THROTTLED,
        CREDENTIAL_REFUSED,
        CROSS_SITE_REFUSED,
        HANDSHAKE_REFUSED,
        SOCKET_LIMIT;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private static final Logger LOG = Logger.getLogger("org.ems.security");

    @Inject
    MetricRegistry registry;

    public void record(Event event, String username, String address, String reason) {
        LOG.warning(line(Instant.now(), event, username, address, reason));
        registry.counter("ems.security.events", new Tag("event", event.label())).inc();
    }

    /** A sign-in's outcome, if it is an event: a failure or a throttled attempt. */
    public void signIn(SignInService.SignIn outcome, String username, String address) {
        if (outcome instanceof SignInService.SignIn.Refused) {
            record(Event.SIGN_IN_FAILED, username, address, "unknown user or wrong password");
        } else if (outcome instanceof SignInService.SignIn.Throttled throttled) {
            record(
                    Event.SIGN_IN_THROTTLED,
                    username,
                    address,
                    "too many attempts, retry after " + throttled.retryAfter().toSeconds() + " s");
        }
    }

    static String line(Instant time, Event event, String username, String address, String reason) {
        return "ems-security time=" + time + " event=" + event.label() + " user=" + printable(username, 64)
                + " address=" + printable(address, 45) + " reason=\"" + reason.replace('"', '\'') + "\"";
    }

    /** What an attacker sent, made harmless for a log line: no spaces, quotes or line breaks; {@code -} when empty. */
    private static String printable(String text, int max) {
        if (text == null || text.isEmpty()) {
            return "-";
        }
        String kept = text.replaceAll("[^A-Za-z0-9._@:\\-]", "?");
        return kept.length() > max ? kept.substring(0, max) + "..." : kept;
    }
}
