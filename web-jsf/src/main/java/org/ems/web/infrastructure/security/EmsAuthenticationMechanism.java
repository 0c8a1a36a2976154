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
import org.ems.users.application.SignInService;
import org.ems.users.application.TokenIssuer;

/**
 * The one authentication mechanism of EMS (Payara refuses two). {@link Credentials} decides what a request presents:
 * an API token goes to Payara's MP-JWT mechanism (signature, issuer, expiry) and then must name an active sign-in;
 * a meter's HTTP Basic credential is taken on {@code POST /api/readings} alone ({@link MeterSignIns}, role
 * {@code METER}); an API key on {@code /api} alone ({@link ApiKeySignIns}); anything else that looks like a credential is a 401. Pages use a login session, opened by the form of
 * {@code login.xhtml} posting to {@code /login} and closed by a {@code POST /logout}; a protected page without a session
 * redirects to the login page. A state-changing API request authenticated by the page session must come from EMS's
 * own origin (cross-site request forgery). WebSocket handshakes ({@code /ws/*}) must come from an allowed origin (else
 * 403) and bring a token as subprotocol or the page session (else 401). Either way a request is served only while its
 * sign-in is active in {@link LoginSessions}: a revoked token is refused, an ended page session is closed and sent to
 * the login page.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
public class EmsAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";

    /** Where {@code GET /logout} leads: a page whose button signs out (a link of another site must not). */
    static final String LOGOUT_PAGE = "/logout.xhtml";

    /** Where administrators land after signing in. */
    static final String CONSOLE = "/console/users.xhtml";

    /** Where clients land: their devices. */
    static final String PORTAL = "/portal/devices.xhtml";

    /** The page a signed-out visitor asked for, kept in the session to return to after signing in. */
    private static final String RETURN_TO = "ems.returnTo";

    /** The methods that change nothing. */
    static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SignInService signIns;

    @Inject
    LoginSessions sessions;

    @Inject
    PageSessions pages;

    @Inject
    AllowedOrigins origins;

    @Inject
    TokenIssuer tokens;

    @Inject
    ClientAddresses addresses;

    @Inject
    SecurityEvents events;

    @Inject
    PublicUrl publicUrl;

    @Inject
    MetricsScrapers scrapers;

    @Inject
    MeterSignIns meters;

    @Inject
    ApiKeySignIns apiKeys;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        SecurityHeaders.apply(request, response); // every answer, whoever gives it
        AccessLog.answering(request, response);
        String path = request.getServletPath();
        if ("/login".equals(path) && "POST".equals(request.getMethod())) {
            return formLogin(request, context);
        }
        if (LOGIN_PAGE.equals(path) || LOGOUT_PAGE.equals(path)) {
            SignInToken.of(request.getSession(true)); // before the page renders: its form carries the token
        }
        if (MetricsScrapers.isMetrics(path)) { // Payara's endpoint answers those it admits
            return scrapers.admits(request)
                    ? context.doNothing()
                    : sendError(
                            response,
                            HttpServletResponse.SC_FORBIDDEN,
                            "metrics are served to the configured scraper only");
        }
        if ("/logout".equals(path)) {
            return logout(request, response, context);
        }
        if (path.startsWith("/ws/") && !origins.allowed(request)) {
            events.record(
                    SecurityEvents.Event.HANDSHAKE_REFUSED,
                    null,
                    addresses.of(request),
                    "origin " + request.getHeader("Origin") + " not allowed");
            return sendError(response, HttpServletResponse.SC_FORBIDDEN, "this origin may not open EMS's sockets");
        }
        Credentials.Credential credential = Credentials.of(request);
        if (credential instanceof Credentials.Refused refused) {
            return unauthorized(request, context, refused.reason());
        }
        if (credential instanceof Credentials.Token token) {
            return bearer(request, response, context, token);
        }
        if (credential instanceof Credentials.Key key) {
            return apiKeys.authenticate(request, context, key);
        }
        if (credential instanceof Credentials.Meter || Credentials.isMeterRequest(request)) {
            return meters.authenticate(request, context, credential);
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
                if (path.startsWith("/api")
                        && !SAFE_METHODS.contains(request.getMethod())
                        && !origins.sameOrigin(request)) {
                    // The browser adds the session cookie to another site's request too: only ours may change things.
                    events.record(
                            SecurityEvents.Event.CROSS_SITE_REFUSED,
                            caller.get().username(),
                            addresses.of(request),
                            request.getMethod() + " " + path + " from origin " + request.getHeader("Origin"));
                    return sendError(
                            response,
                            HttpServletResponse.SC_FORBIDDEN,
                            "changes through the page session must come from the pages of EMS itself, or use a bearer token");
                }
                SignedIn current = new SignedIn(caller.get(), page.get().sessionId());
                SignInCookie.keep(request, response, tokens, current, publicUrl.secure(request));
                return context.notifyContainerAboutLogin(
                        new PagePrincipal(current), Set.of(current.caller().role()));
            }
            // Ended elsewhere: signed out, the user deleted or demoted, a new password.
            pages.end(page.get().sessionId());
            PageSessions.invalidate(session);
        }
        if (path.startsWith("/ws/")) {
            return unauthorized(request, context, "neither token nor page session");
        }
        if (context.isProtected() && !path.startsWith("/api")) {
            // A session cookie that no longer names a live session: it expired or was ended (on any instance).
            boolean ended = page.isPresent()
                    || (request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid());
            if ("GET".equals(request.getMethod())) {
                // Back to this page after signing in, if it is a path of ours (never a redirect elsewhere).
                String query = request.getQueryString();
                ReturnPath.of(request.getContextPath(), request.getRequestURI() + (query == null ? "" : "?" + query))
                        .ifPresent(back -> request.getSession(true).setAttribute(RETURN_TO, back));
            }
            return redirect(context, request.getContextPath() + LOGIN_PAGE + (ended ? "?error=ended" : ""));
        }
        // Anonymous: the API's own role checks answer (401 for a resource that needs a sign-in).
        return context.doNothing();
    }

    /**
     * {@code POST /logout} with the form's token ends the page sign-in; anything else (a GET, a link or form of another
     * site) shows the page with the sign-out button and ends nothing.
     */
    private AuthenticationStatus logout(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!"POST".equals(request.getMethod()) || !SignInToken.presentIn(request)) {
            return redirect(context, request.getContextPath() + LOGOUT_PAGE);
        }
        HttpSession session = request.getSession(false);
        SignedIn.of(session).ifPresent(signedIn -> sessions.revoke(signedIn.sessionId()));
        if (session != null) {
            session.invalidate();
        }
        SignInCookie.clear(request, response, publicUrl.secure(request));
        return redirect(context, request.getContextPath() + LOGIN_PAGE);
    }

    /** The sign-in of the request's {@link SignInCookie} in a new session, when it is still active. */
    private Optional<SignedIn> resumed(HttpServletRequest request) {
        Optional<UUID> signIn = SignInCookie.of(request).flatMap(token -> tokens.signInOf(token, Instant.now()));
        Optional<Caller> caller = signIn.flatMap(sessions::active);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        SignedIn resumed = new SignedIn(caller.get(), signIn.get());
        pages.signedIn(resumed, freshSession(request));
        return Optional.of(resumed);
    }

    /** The session a sign-in goes into: never under the id the request named (no session fixation). */
    private static HttpSession freshSession(HttpServletRequest request) {
        request.getSession(true);
        request.changeSessionId();
        return request.getSession();
    }

    /** An API token: Payara's MP-JWT mechanism checks signature, issuer and expiry; its sign-in must be active. */
    private AuthenticationStatus bearer(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpMessageContext context,
            Credentials.Token token)
            throws AuthenticationException {
        AuthenticationStatus status =
                PayaraJwt.mechanism().validateRequest(Credentials.presenting(request, token), response, context);
        if (status != AuthenticationStatus.SUCCESS) {
            return unauthorized(request, context, "token signature, issuer or expiry");
        }
        Optional<UUID> signIn = token.signIn();
        if (signIn.isEmpty() || sessions.active(signIn.get()).isEmpty()) {
            return unauthorized(request, context, "token of a sign-in that ended");
        }
        return status;
    }

    private AuthenticationStatus unauthorized(HttpServletRequest request, HttpMessageContext context, String reason) {
        events.record(SecurityEvents.Event.CREDENTIAL_REFUSED, null, addresses.of(request), reason);
        return context.responseUnauthorized();
    }

    /** An error with its reason, which the error page puts into the problem JSON. */
    static AuthenticationStatus sendError(HttpServletResponse response, int status, String reason) {
        try {
            response.sendError(status, reason);
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
        String username = request.getParameter("username");
        String address = addresses.of(request);
        SignInService.SignIn outcome;
        try {
            outcome = signIns.signIn(username, request.getParameter("password"), address);
        } catch (Rejected tooLong) {
            return redirect(context, login + "?error=invalid");
        }
        events.signIn(outcome, username, address);
        if (outcome instanceof SignInService.SignIn.Throttled) {
            return redirect(context, login + "?error=throttled");
        }
        if (!(outcome instanceof SignInService.SignIn.Accepted accepted)) {
            return redirect(context, login + "?error=invalid");
        }
        HttpSession signedIn = freshSession(request);
        UUID signIn = signIns.pageSession(accepted.user());
        SignedIn page = new SignedIn(accepted.user().asCaller(), signIn);
        pages.signedIn(page, signedIn);
        SignInCookie.keep(request, context.getResponse(), tokens, page, publicUrl.secure(request));
        Object returnTo = signedIn.getAttribute(RETURN_TO);
        signedIn.removeAttribute(RETURN_TO);
        if (returnTo instanceof String back) {
            return redirect(context, back); // only a path ReturnPath let in is ever kept there
        }
        // Administrators start in the console, clients at their devices.
        return redirect(
                context, request.getContextPath() + (accepted.user().asCaller().isAdmin() ? CONSOLE : PORTAL));
    }

    /** A redirect within EMS (under its public URL); no page renders: it gets the policy of what is no page. */
    private AuthenticationStatus redirect(HttpMessageContext context, String path) {
        SecurityHeaders.notAPage(context.getResponse());
        return context.redirect(publicUrl.redirect(path));
    }
}
