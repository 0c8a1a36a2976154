package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read {@code /metrics} (Payara serves it in EMS's context, so EMS's mechanism sees the request first): anyone
 * while EMS has neither a public URL nor a metrics token (it then listens where only its operators reach it); else a
 * scraper presenting {@code ems.metrics.token} as bearer token, or one on this host that came through no proxy.
 */
@ApplicationScoped
public class MetricsScrapers {

    @Inject
    @ConfigProperty(name = "ems.metrics.token")
    Optional<String> token;

    @Inject
    PublicUrl publicUrl;

    @Inject
    ClientAddresses addresses;

    @Inject
    SecurityEvents events;

    static boolean isMetrics(String servletPath) {
        return servletPath.equals("/metrics") || servletPath.startsWith("/metrics/");
    }

    /** Whether the request may read the metrics; a refused token is a security event. */
    boolean admits(HttpServletRequest request) {
        if (token.isEmpty() && publicUrl.origin().isEmpty()) {
            return true;
        }
        Optional<String> presented = Credentials.bearer(request);
        if (token.isPresent() && presented.filter(this::isToken).isPresent()) {
            return true;
        }
        // Through a proxy on this host the peer is loopback too: only a request no proxy forwarded counts as local.
        boolean local = request.getHeader("X-Forwarded-For") == null && isLoopback(addresses.of(request));
        if (!local && presented.isPresent()) {
            events.record(
                    SecurityEvents.Event.CREDENTIAL_REFUSED, null, addresses.of(request), "not the metrics token");
        }
        return local;
    }

    private boolean isToken(String presented) {
        return MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), token.orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress(); // an address literal: no lookup
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
