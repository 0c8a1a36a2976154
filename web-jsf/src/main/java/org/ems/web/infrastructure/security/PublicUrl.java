package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address people reach EMS at, {@code ems.public-url} (an origin, {@code https://ems.example.com}), when a reverse
 * proxy stands in front of it: redirects point there, the sign-in cookies are {@code Secure} when it is HTTPS, and pages
 * served from it may open the sockets. Without it, EMS's own address is the one the request came to.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    @ConfigProperty(name = "ems.public-url")
    Optional<String> configured;

    /** The public origin, without a trailing slash. */
    Optional<String> origin() {
        return configured.map(url -> url.strip().replaceAll("/+$", ""));
    }

    /**
     * Where a redirect to {@code path} (absolute, within EMS) points: under the public URL; without one, the
     * container makes it absolute from the request.
     */
    String redirect(String path) {
        return origin().map(origin -> origin + path).orElse(path);
    }

    /** Whether cookies must be {@code Secure}: the browser reaches EMS over HTTPS, directly or through the proxy. */
    boolean secure(HttpServletRequest request) {
        return request.isSecure() || https();
    }

    private boolean https() {
        return origin().filter(origin -> origin.startsWith("https://")).isPresent();
    }

    /** The session cookie is Secure too when the public URL is HTTPS (set before the context starts). */
    @WebListener
    public static class SessionCookie implements ServletContextListener {

        @Inject
        PublicUrl url;

        @Override
        public void contextInitialized(ServletContextEvent event) {
            if (url.https()) {
                event.getServletContext().getSessionCookieConfig().setSecure(true);
            }
        }
    }

    /**
     * Redirects of the pages (Faces' {@code faces-redirect}) under the public URL; the authentication mechanism, which
     * runs before any filter, uses {@link #redirect} itself.
     */
    @WebFilter(urlPatterns = "/*", asyncSupported = true)
    public static class Redirects extends HttpFilter {

        @Inject
        PublicUrl url;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (url.origin().isEmpty()) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendRedirect(String location) throws IOException {
                    boolean withinEms = location.startsWith("/") && !location.startsWith("//");
                    super.sendRedirect(withinEms ? url.redirect(location) : location);
                }
            });
        }
    }
}
