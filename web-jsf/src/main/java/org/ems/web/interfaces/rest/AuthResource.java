package org.ems.web.interfaces.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ems.contracts.access.Roles;
import org.ems.users.application.LoginSessions;
import org.ems.users.application.SignInService;
import org.ems.users.application.TokenIssuer;
import org.ems.web.infrastructure.security.ClientAddresses;
import org.ems.web.infrastructure.security.SecurityEvents;
import org.ems.web.infrastructure.security.SignedIn;

/**
 * {@code POST /api/auth/login}: a JWT for valid credentials; the same 401 for all invalid ones; 429 when guessing.
 * {@code POST /api/auth/logout}: the token presented is refused from then on.
 */
@Path("auth")
public class AuthResource {

    @Inject
    SignInService signIns;

    @Inject
    LoginSessions sessions;

    @Inject
    ClientAddresses addresses;

    @Inject
    SecurityEvents events;

    @Context
    HttpServletRequest request;

    /** The credentials. */
    public record Credentials(String username, String password) {}

    /** The token and when it expires. */
    public record TokenView(String token, Instant expiresAt) {}

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: an RS256 JWT valid for 15 minutes")
    public Response login(Credentials credentials) {
        if (credentials == null) {
            throw Problem.badRequest("send {\"username\":...,\"password\":...}");
        }
        String address = addresses.of(request);
        var outcome = signIns.signIn(credentials.username(), credentials.password(), address);
        events.signIn(outcome, credentials.username(), address);
        if (outcome instanceof SignInService.SignIn.Accepted accepted) {
            TokenIssuer.Token token = signIns.token(accepted.user());
            return Response.ok(new TokenView(token.token(), token.expiresAt())).build();
        }
        if (outcome instanceof SignInService.SignIn.Throttled throttled) {
            long seconds = Math.max(1, (throttled.retryAfter().toMillis() + 999) / 1000);
            return Response.fromResponse(Problem.of(
                                    Response.Status.TOO_MANY_REQUESTS,
                                    "too many failed sign-ins; try again in " + seconds + " s")
                            .toResponse())
                    .header("Retry-After", seconds)
                    .build();
        }
        return Problem.of(Response.Status.UNAUTHORIZED, "invalid username or password")
                .toResponse();
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Operation(summary = "Sign out: the token presented is refused from now on")
    public Response logout() {
        SignedIn.of(request.getUserPrincipal()).ifPresent(signedIn -> sessions.revoke(signedIn.sessionId()));
        return Response.noContent().build();
    }
}
