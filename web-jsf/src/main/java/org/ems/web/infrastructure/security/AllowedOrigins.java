package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a request comes from EMS's own pages (state-changing API calls with the page session), and which pages may
 * open EMS's WebSockets (cross-site WebSocket hijacking: Tyrus accepts any Origin): EMS's own
 * origin (the one the request came to, and the {@link PublicUrl}), and those listed in {@code ems.allowed-origins}
 * (comma-separated). A client without an Origin header is
 * not a browser page and is judged by its token alone.
 */
@ApplicationScoped
public class AllowedOrigins {

    // Optional<List<String>> fails in Payara 6.2025 (ClassCastException in its ConfigProducer): split ourselves.
    @Inject
    @ConfigProperty(name = "ems.allowed-origins")
    Optional<String> configured;

    @Inject
    PublicUrl publicUrl;

    boolean allowed(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        return own(request, origin)
                || configured
                        .map(list -> List.of(list.split("\\s*,\\s*")).contains(origin))
                        .orElse(false);
    }

    /**
     * Whether a browser says the request comes from a page of EMS itself: {@code Sec-Fetch-Site: same-origin}, or an
     * {@code Origin} that is EMS's. A request saying neither is not taken as same-origin.
     */
    boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site"); // set by the browser, which no page can change
        if (site != null) {
            return site.equals("same-origin");
        }
        String origin = request.getHeader("Origin");
        return origin != null && own(request, origin);
    }

    private boolean own(HttpServletRequest request, String origin) {
        if (publicUrl.origin().filter(origin::equals).isPresent()) {
            return true;
        }
        String own = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        String ownDefault = request.getScheme() + "://" + request.getServerName();
        return origin.equals(own) || (isDefaultPort(request) && origin.equals(ownDefault));
    }

    private static boolean isDefaultPort(HttpServletRequest request) {
        return request.getServerPort() == ("https".equals(request.getScheme()) ? 443 : 80);
    }
}
