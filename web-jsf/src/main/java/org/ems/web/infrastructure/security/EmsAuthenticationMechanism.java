package org.ems.web.infrastructure.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.users.application.LoginSessions;
import org.ems.users.application.TokenIssuer;
import org.ems.users.application.UserService;

/**
 * The one authentication mechanism of EMS (Payara refuses two): requests with a bearer token go to Payara's MP-JWT
 * mechanism; the pages use a login session, opened by the form of {@code login.xhtml} posting to {@code /login} and
 * closed by {@code /logout}. A protected page without a session redirects to the login page. WebSocket handshakes
 * ({@code /ws/*}) must come from an allowed origin (else 403) and bring a token as subprotocol or the page session
 * (else 401). Either way a request is served only while its sign-in is active in {@link LoginSessions}: a revoked
 * token is refused, an ended page session is closed and sent to the login page.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class EmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    /** Where administrators land after signing in. */
    static final String CONSOLE = "/console/users.xhtml";

    /** Where clients land: their devices. */
    static final String PORTAL = "/portal/devices.xhtml";

    /** The page a signed-out visitor asked for, kept in the session to return to after signing in. */
    private static final String RETURN_TO = "ems.returnTo";

    @Inject
    UserService users;

    @Inject
    LoginSessions sessions;

    @Inject
    PageSessions pages;

    @Inject
    AllowedOrigins origins;

    @Inject
    TokenIssuer tokens;

    private volatile HttpAuthenticationMechanism jwt;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        SecurityHeaders.apply(request, response); // every answer, whoever gives it
        String path = request.getServletPath();
        if ("/login".equals(path) && "POST".equals(request.getMethod())) {
            return formLogin(request, context);
        }
        if (LOGIN_PAGE.equals(path)) {
            SignInToken.of(request.getSession(true)); // before the page renders: its form carries the token
        }
        if ("/logout".equals(path)) {
            HttpSession session = request.getSession(false);
            SignedIn.of(session).ifPresent(signedIn -> sessions.revoke(signedIn.sessionId()));
            if (session != null) {
                session.invalidate();
            }
            SignInCookie.clear(request, response);
            return redirect(context, request.getContextPath() + LOGIN_PAGE);
        }
        if (path.startsWith("/ws/")) {
            if (!origins.allowed(request)) {
                return forbidden(response, context);
            }
            // Browsers cannot set headers on a WebSocket: the token comes as subprotocol "access_token, <jwt>".
            String token = BearerToken.fromSubprotocol(request.getHeader("Sec-WebSocket-Protocol"));
            if (token != null) {
                return bearer(BearerToken.asAuthorization(request, token), response, context, token);
            }
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return bearer(
                    request,
                    response,
                    context,
                    authorization.substring("Bearer ".length()).trim());
        }
        HttpSession session = request.getSession(false);
        Optional<SignedIn> page = SignedIn.of(session);
        boolean needsCaller = context.isProtected() || path.startsWith("/api") || path.startsWith("/ws/");
        if (page.isEmpty() && needsCaller) {
            page = resumed(request); // its instance is gone, or this one restarted
            session = request.getSession(false);
        }
        if (page.isPresent() && needsCaller) {
            Optional<Caller> caller = sessions.active(page.get().sessionId());
            if (caller.isPresent()) {
                SignedIn current = new SignedIn(caller.get(), page.get().sessionId());
                SignInCookie.keep(request, response, tokens, current);
                return context.notifyContainerAboutLogin(
                        new PagePrincipal(current), Set.of(current.caller().role()));
            }
            // Ended elsewhere: signed out, the user deleted or demoted, a new password.
            pages.end(page.get().sessionId());
            PageSessions.invalidate(session);
        }
        if (path.startsWith("/ws/")) {
            return context.responseUnauthorized(); // neither token nor session
        }
        if (context.isProtected() && !path.startsWith("/api")) {
            // A session cookie that no longer names a live session: it expired or was ended (on any instance).
            boolean ended = page.isPresent()
                    || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
            if ("GET".equals(request.getMethod())) {
                // Back to this page after signing in (a path of ours, so never a redirect elsewhere).
                String query = request.getQueryString();
                request.getSession(true)
                        .setAttribute(RETURN_TO, request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return redirect(context, request.getContextPath() + LOGIN_PAGE + (ended ? "?error=ended" : ""));
        }
        return jwt().validateRequest(request, response, context);
    }

    /** The sign-in of the request's {@link SignInCookie} in a new session, when it is still active. */
    private Optional<SignedIn> resumed(HttpServletRequest request) {
        Optional<UUID> signIn = SignInCookie.of(request).flatMap(token -> tokens.signInOf(token, Instant.now()));
        Optional<Caller> caller = signIn.flatMap(sessions::active);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        SignedIn resumed = new SignedIn(caller.get(), signIn.get());
        pages.signedIn(resumed, request.getSession(true));
        return Optional.of(resumed);
    }

    /** A bearer token: Payara's MP-JWT mechanism checks it, after our check of what it leaves out ({@code nbf}). */
    private AuthenticationStatus bearer(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, String token)
            throws AuthenticationException {
        if (BearerToken.notYetValid(token)) {
            return context.responseUnauthorized();
        }
        AuthenticationStatus status = jwt().validateRequest(request, response, context);
        if (status == AuthenticationStatus.SUCCESS) {
            // The signature is good; the sign-in it names must also still be active (not signed out or revoked).
            Optional<UUID> signIn = BearerToken.tokenId(token);
            if (signIn.isEmpty() || sessions.active(signIn.get()).isEmpty()) {
                return context.responseUnauthorized();
            }
        }
        return status;
    }

    private static AuthenticationStatus forbidden(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        } catch (java.io.IOException e) {
            // the client is gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if (!SignInToken.presentIn(request)) {
            return redirect(context, login + "?error=form"); // not from our form, or its session expired
        }
        UserService.SignIn outcome;
        try {
            outcome = users.signIn(
                    request.getParameter("username"), request.getParameter("password"), request.getRemoteAddr());
        } catch (Rejected tooLong) {
            return redirect(context, login + "?error=invalid");
        }
        if (outcome instanceof UserService.SignIn.Throttled) {
            return redirect(context, login + "?error=throttled");
        }
        if (!(outcome instanceof UserService.SignIn.Accepted accepted)) {
            return redirect(context, login + "?error=invalid");
        }
        request.getSession(true);
        request.changeSessionId(); // no session fixation
        UUID signIn = users.pageSession(accepted.user());
        HttpSession signedIn = request.getSession();
        SignedIn page = new SignedIn(accepted.user().asCaller(), signIn);
        pages.signedIn(page, signedIn);
        SignInCookie.keep(request, context.getResponse(), tokens, page);
        Object returnTo = signedIn.getAttribute(RETURN_TO);
        signedIn.removeAttribute(RETURN_TO);
        if (returnTo instanceof String back) {
            return redirect(context, back);
        }
        // Administrators start in the console, clients at their devices.
        return redirect(
                context, request.getContextPath() + (accepted.user().asCaller().isAdmin() ? CONSOLE : PORTAL));
    }

    /** A redirect: no page renders, so its answer gets the policy of everything that is not a page. */
    private static AuthenticationStatus redirect(HttpMessageContext context, String location) {
        SecurityHeaders.notAPage(context.getResponse());
        return context.redirect(location);
    }

    /** Payara's MP-JWT mechanism, created on first use (it looks up its identity store through CDI). */
    private HttpAuthenticationMechanism jwt() throws AuthenticationException {
        if (jwt == null) {
            try {
                jwt = (HttpAuthenticationMechanism)
                        Class.forName("fish.payara.microprofile.jwtauth.eesecurity.JWTAuthenticationMechanism")
                                .getConstructor()
                                .newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AuthenticationException("Payara's MP-JWT mechanism is not available", e);
            }
        }
        return jwt;
    }
}
