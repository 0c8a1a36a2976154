package org.ems.web.infrastructure.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Protects the sign-in form against login CSRF (another site signing a visitor in as the attacker): the form carries
 * a random token kept in the visitor's session, and {@code POST /login} is taken only with it.
 */
public final class SignInToken {

    /** The form field, and the session attribute, holding the token. */
    public static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignInToken() {}

    /** The session's token, made on first use (the login page opens the session). */
    public static String of(HttpSession session) {
        synchronized (session) {
            if (session.getAttribute(FIELD) instanceof String token) {
                return token;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(FIELD, token);
            return token;
        }
    }

    /** Whether the posted form carries its session's token (compared in constant time). */
    static boolean presentIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        String posted = request.getParameter(FIELD);
        if (session == null || posted == null || !(session.getAttribute(FIELD) instanceof String expected)) {
            return false;
        }
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), posted.getBytes(StandardCharsets.UTF_8));
    }
}
