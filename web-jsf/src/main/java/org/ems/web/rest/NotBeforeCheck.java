package org.ems.web.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses a token before its {@code nbf}: Payara's MP-JWT checks signature, issuer and expiry but not "not before"
 * (found by ApiSecurityIT). Allows a minute of clock skew, as for expiry.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class NotBeforeCheck implements ContainerRequestFilter {

    static final long SKEW_SECONDS = 60;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken token) {
            Object nbf = token.getClaim("nbf");
            if (nbf instanceof Number seconds
                    && seconds.longValue() > Instant.now().getEpochSecond() + SKEW_SECONDS) {
                request.abortWith(Problem.of(Response.Status.UNAUTHORIZED, "the token is not valid yet").toResponse());
            }
        }
    }
}
