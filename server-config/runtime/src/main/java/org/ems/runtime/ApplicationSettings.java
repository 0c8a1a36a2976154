package org.ems.runtime;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ems.contracts.platform.Cidr;

/**
 * The settings the application itself reads (MicroProfile Config), checked by the launcher ({@link EmsSettings}) so
 * that a bad one stops the start before anything runs; handed to Payara Micro as system properties.
 */
final class ApplicationSettings {

    private ApplicationSettings() {}

    /**
     * The settings the application itself reads (MicroProfile Config), checked here so that a bad one stops the start
     * before anything runs; handed to Payara Micro as system properties, which rank above its environment.
     */
    static Properties of(Map<String, String> env) {
        Properties application = new Properties();
        EmsSettings.value(env, "EMS_TRUSTED_PROXIES").ifPresent(proxies -> {
            try {
                Cidr.list(proxies);
            } catch (IllegalArgumentException e) {
                throw EmsSettings.invalid("EMS_TRUSTED_PROXIES", "CIDR networks separated by commas", proxies);
            }
            application.setProperty("ems.trusted-proxies", proxies);
        });
        EmsSettings.value(env, "EMS_ALLOWED_ORIGINS").ifPresent(origins -> {
            for (String origin : origins.split(",")) {
                if (!origin.isBlank() && !origin.strip().matches("https?://[^/?#\\s]+")) {
                    throw EmsSettings.invalid(
                            "EMS_ALLOWED_ORIGINS", "origins (https://host[:port]) separated by commas", origins);
                }
            }
            application.setProperty("ems.allowed-origins", origins);
        });
        EmsSettings.value(env, "EMS_PUBLIC_URL").ifPresent(url -> {
            if (!url.strip().matches("https?://[^/?#\\s]+/?")) {
                throw EmsSettings.invalid(
                        "EMS_PUBLIC_URL", "an origin, https://host[:port], that EMS is served at the root of", url);
            }
            application.setProperty("ems.public-url", url.strip());
        });
        EmsSettings.value(env, "EMS_METRICS_TOKEN").ifPresent(token -> {
            if (!token.matches("[A-Za-z0-9\\-._~+/]{32,}=*")) {
                throw EmsSettings.invalid("EMS_METRICS_TOKEN", "a token of at least 32 letters and digits", "…");
            }
            application.setProperty("ems.metrics.token", token);
        });
        mail(env, application);
        EmsSettings.onOff(env, "EMS_WEBHOOKS_ALLOW_HTTP")
                .ifPresent(on -> application.setProperty("ems.webhooks.allow-http", on.toString()));
        EmsSettings.onOff(env, "EMS_WEBHOOKS_ALLOW_PRIVATE")
                .ifPresent(on -> application.setProperty("ems.webhooks.allow-private", on.toString()));
        EmsSettings.value(env, "EMS_RETENTION_READINGS")
                .ifPresent(retention -> application.setProperty(
                        "ems.retention.readings",
                        positive(
                                "EMS_RETENTION_READINGS",
                                retention.strip(),
                                text -> {
                                    java.time.Period period = java.time.Period.parse(text);
                                    return !period.isNegative() && !period.isZero();
                                },
                                "a positive ISO-8601 period (P400D, P13M)")));
        application.setProperty(
                "ems.retention.upkeep-every",
                positive(
                        "EMS_RETENTION_UPKEEP_EVERY",
                        env.get("EMS_RETENTION_UPKEEP_EVERY"),
                        text -> Duration.parse(text).compareTo(Duration.ofMinutes(1)) >= 0,
                        "an ISO-8601 duration of at least a minute (PT1H)"));
        application.setProperty(
                "ems.silent-after",
                positive(
                        "EMS_SILENT_AFTER",
                        env.get("EMS_SILENT_AFTER"),
                        text -> Duration.parse(text).compareTo(Duration.ofMinutes(1)) >= 0,
                        "an ISO-8601 duration of at least a minute (PT1H)"));
        application.setProperty(
                "ems.jwt.lifetime",
                positive(
                        "EMS_JWT_LIFETIME",
                        env.get("EMS_JWT_LIFETIME"),
                        text -> Duration.parse(text).compareTo(Duration.ZERO) > 0,
                        "a positive ISO-8601 duration (PT15M)"));
        application.setProperty(
                "ems.api-keys.requests-per-second",
                Integer.toString(EmsSettings.number(
                        env, "EMS_API_KEYS_REQUESTS_PER_SECOND", 1, 1_000_000, "a whole number from 1 to 1,000,000")));
        return application;
    }

    /** The mail server, when there is one: its host, port, TLS, sender (required then) and account. */
    private static void mail(Map<String, String> env, Properties application) {
        EmsSettings.value(env, "EMS_MAIL_HOST").ifPresent(host -> {
            application.setProperty("ems.mail.host", host.strip());
            application.setProperty("ems.mail.port", Integer.toString(EmsSettings.port(env, "EMS_MAIL_PORT")));
            String tls = env.get("EMS_MAIL_TLS").strip();
            if (!List.of("none", "starttls", "tls").contains(tls)) {
                throw EmsSettings.invalid("EMS_MAIL_TLS", "none, starttls or tls", tls);
            }
            application.setProperty("ems.mail.tls", tls);
            String from = EmsSettings.value(env, "EMS_MAIL_FROM")
                    .orElseThrow(() ->
                            EmsSettings.invalid("EMS_MAIL_FROM", "the sender's address when ems.mail.host is set", ""));
            if (!from.matches("[^@\\s]+@[^@\\s]+|.*<[^@\\s<>]+@[^@\\s<>]+>")) {
                throw EmsSettings.invalid(
                        "EMS_MAIL_FROM", "an address (ems@example.com, or EMS <ems@example.com>)", from);
            }
            application.setProperty("ems.mail.from", from.strip());
            EmsSettings.value(env, "EMS_MAIL_USERNAME")
                    .ifPresent(user -> application.setProperty("ems.mail.username", user));
            EmsSettings.value(env, "EMS_MAIL_PASSWORD")
                    .ifPresent(pass -> application.setProperty("ems.mail.password", pass));
        });
    }

    /** {@code text} if {@code isPositive} (which parses it) holds, else the one line naming the setting. */
    private static String positive(
            String name, String text, java.util.function.Predicate<String> isPositive, String meaning) {
        try {
            if (isPositive.test(text)) {
                return text;
            }
        } catch (DateTimeParseException notAnAmount) {
            // said below, as a value that is not positive
        }
        throw EmsSettings.invalid(name, meaning, text);
    }
}
