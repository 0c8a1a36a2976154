package org.ems.web.infrastructure.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every answer of EMS carries (OWASP ASVS 14.4): set for each request by the authentication mechanism,
 * which the container calls before anything else answers, and again by the error page.
 *
 * <p>Pages rendered by Faces get their Content-Security-Policy from PrimeFaces (its CSP mode, switched on by
 * {@link PagePolicy}): {@link #PAGE_POLICY} with a fresh nonce on {@code script-src}, which PrimeFaces also writes
 * on every script it renders and into which it moves inline event handlers. Everything else (the API, static
 * resources, errors) may run nothing: {@link #OTHER_POLICY}.
 */
public final class SecurityHeaders {

    /** The pages' policy; PrimeFaces appends the nonce to its last directive. */
    static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
            + " font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'; script-src 'self'";

    /** For answers that are not pages: nothing may run or load, and nobody may frame them. */
    static final String OTHER_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    static final String CSP = "Content-Security-Policy";

    private SecurityHeaders() {}

    /** Adds the headers to the answer of {@code request}. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!isPage(request)) {
            notAPage(response);
        }
    }

    /** The policy of an answer that is no page (unless it has one already). */
    static void notAPage(HttpServletResponse response) {
        if (!response.containsHeader(CSP)) {
            response.setHeader(CSP, OTHER_POLICY);
        }
    }

    /** A Faces page (PrimeFaces sets its policy with a nonce), not a Faces resource (script, style, font). */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getServletPath();
        return (path.endsWith(".xhtml") || path.isEmpty() || "/".equals(path))
                && !path.startsWith("/jakarta.faces.resource/");
    }

    /** Switches on PrimeFaces' CSP mode with {@link #PAGE_POLICY}, before Faces reads its configuration. */
    @WebListener
    public static class PagePolicy implements ServletContextListener {

        @Override
        public void contextInitialized(ServletContextEvent event) {
            event.getServletContext().setInitParameter("primefaces.CSP", "true");
            event.getServletContext().setInitParameter("primefaces.CSP_POLICY", PAGE_POLICY);
        }
    }
}
