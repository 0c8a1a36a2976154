package org.ems.web.infrastructure.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.ems.contracts.access.Caller;

/**
 * The sign-in a request or socket is served under: who calls (the {@link Caller} every module asks what it may see)
 * and which sign-in it is (the token's {@code jti}, or the page session's id), so that it can be ended.
 */
public record SignedIn(Caller caller, UUID sessionId) implements Serializable {

    /** Where a page session keeps its sign-in between requests. */
    static final String SESSION_ATTRIBUTE = "ems.signedIn";

    /** The sign-in of a servlet session, if it has one. */
    static Optional<SignedIn> of(HttpSession session) {
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedIn signedIn
                ? Optional.of(signedIn)
                : Optional.empty();
    }

    /** The sign-in behind an authenticated principal: a bearer token's, or a page session's. */
    public static Optional<SignedIn> of(Principal principal) {
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            String role = token.getGroups().stream().findFirst().orElse("");
            return Optional.of(new SignedIn(
                    new Caller(UUID.fromString(token.getSubject()), token.getName(), role),
                    UUID.fromString(token.getTokenID())));
        }
        return principal instanceof PagePrincipal page ? Optional.of(page.signedIn()) : Optional.empty();
    }

    /**
     * Makes the request's sign-in and caller injectable wherever a request is served (resources, pages). Null for an
     * anonymous request: resources are created before their roles are checked, and every method that uses the
     * caller requires a role, so it never runs then.
     */
    @Dependent
    static class Producer {

        @Inject
        HttpServletRequest request;

        @Produces
        SignedIn signedIn() {
            return of(request.getUserPrincipal()).orElse(null);
        }

        @Produces
        Caller caller() {
            return of(request.getUserPrincipal()).map(SignedIn::caller).orElse(null);
        }
    }
}
