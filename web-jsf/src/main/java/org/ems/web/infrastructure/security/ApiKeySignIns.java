package org.ems.web.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.users.application.ApiKeyView;
import org.ems.users.application.ApiKeys;

/**
 * Requests of back-office systems with an API key ({@link ApiKeys}): on {@code /api} alone, never what belongs to a
 * person (their profile, chat, sign-in); at most {@code ems.api-keys.requests-per-second} a second per key on each
 * instance (429 beyond); a {@code READER} key reads what an administrator may read (safe methods) and nothing else
 * (403). The caller is the key ({@code api-key:<name>} in the audit log), seeing what an administrator sees.
 */
@ApplicationScoped
public class ApiKeySignIns {

    /** The API's paths that are a person's own: a key, which is no person, gets a 403 there. */
    private static final List<String> PERSONAL = List.of("/api/me", "/api/chat", "/api/auth", "/api/notifications");

    @Inject
    ApiKeys keys;

    @Inject
    SecurityEvents events;

    @Inject
    ClientAddresses addresses;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "ems.api-keys.requests-per-second", defaultValue = "50")
    int perSecond;

    private PerSecondLimit limit;

    @PostConstruct
    void start() {
        limit = new PerSecondLimit(perSecond);
    }

    AuthenticationStatus authenticate(
            HttpServletRequest request, HttpMessageContext context, Credentials.Key presented) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        if (!path.startsWith("/api/")) {
            return refused(request, context, "an API key, which is for the REST API only");
        }
        // Counted before the key is looked up: guessing keys costs the database nothing beyond the limit either.
        if (!limit.admits(presented.value(), System.currentTimeMillis())) {
            context.getResponse().setHeader("Retry-After", "1");
            return EmsAuthenticationMechanism.sendError(
                    context.getResponse(), 429, "more than " + perSecond + " requests a second with this API key");
        }
        Optional<ApiKeyView> key = keys.signIn(presented.value());
        if (key.isEmpty()) {
            return refused(request, context, "an unknown, revoked or expired API key");
        }
        if (PERSONAL.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return EmsAuthenticationMechanism.sendError(
                    context.getResponse(), 403, "an API key acts for no person: " + path + " is a person's own");
        }
        if (key.get().reader() && !EmsAuthenticationMechanism.SAFE_METHODS.contains(request.getMethod())) {
            return EmsAuthenticationMechanism.sendError(context.getResponse(), 403, "a READER API key may only read");
        }
        registry.counter("ems.api_key.requests", new Tag("role", key.get().role()))
                .inc();
        SignedIn signedIn = new SignedIn(
                new Caller(key.get().id(), "api-key:" + key.get().name(), Roles.ADMIN),
                key.get().id());
        return context.notifyContainerAboutLogin(new PagePrincipal(signedIn), Set.of(Roles.ADMIN));
    }

    private AuthenticationStatus refused(HttpServletRequest request, HttpMessageContext context, String reason) {
        events.record(SecurityEvents.Event.CREDENTIAL_REFUSED, null, addresses.of(request), reason);
        return context.responseUnauthorized();
    }
}
