package org.ems.web.infrastructure.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.ems.users.application.TokenIssuer;

/**
 * What lets a page sign-in outlive the instance that holds its session: a cookie with a token of ours naming the
 * sign-in, valid for the session's idle timeout and renewed every few minutes while the session is used. Another
 * instance that gets a request without a session of its own opens one for the sign-in, if it is still active. (The
 * servlet session itself is not replicated: Payara cannot restore Faces' push channels on another instance.)
 */
final class SignInCookie {

    static final String NAME = "EMS_SIGNIN";

    /** When this session's cookie was last issued. */
    private static final String ISSUED = "ems.signInCookieIssued";

    private static final Duration RENEW_AFTER = Duration.ofMinutes(5);

    private SignInCookie() {}

    /** The token the browser sent, if any. */
    static Optional<String> of(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> NAME.equals(c.getName()) && !c.getValue().isEmpty())
                        .map(Cookie::getValue)
                        .findFirst();
    }

    /**
     * Issues the cookie for the session's sign-in, or renews it once it is a few minutes old.
     *
     * @param secure whether the browser reaches EMS over HTTPS ({@link PublicUrl#secure})
     */
    static void keep(
            HttpServletRequest request,
            HttpServletResponse response,
            TokenIssuer tokens,
            SignedIn signedIn,
            boolean secure) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Instant now = Instant.now();
        if (session.getAttribute(ISSUED) instanceof Instant issued
                && issued.plus(RENEW_AFTER).isAfter(now)) {
            return;
        }
        // As long as the session would live without requests: an idle sign-in ends on every instance alike.
        Instant expires = now.plusSeconds(session.getMaxInactiveInterval());
        response.addCookie(cookie(
                request,
                secure,
                tokens.issue(TokenIssuer.Use.SIGN_IN, signedIn.caller(), signedIn.sessionId(), now, expires)
                        .token()));
        session.setAttribute(ISSUED, now);
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        Cookie gone = cookie(request, secure, "");
        gone.setMaxAge(0);
        response.addCookie(gone);
    }

    private static Cookie cookie(HttpServletRequest request, boolean secure, String value) {
        Cookie cookie = new Cookie(NAME, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }
}
