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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.ems.contracts.access.Roles;
import org.ems.users.application.EmailAddresses;
import org.ems.users.application.LoginSessions;
import org.ems.users.application.PasswordResets;
import org.ems.users.application.SignInService;
import org.ems.users.application.TokenIssuer;
import org.ems.web.infrastructure.security.ClientAddresses;
import org.ems.web.infrastructure.security.SecurityEvents;
import org.ems.web.infrastructure.security.SignedIn;

/**
 * {@code POST /api/auth/login}: a JWT for valid credentials; the same 401 for all invalid ones; 429 when guessing.
 * {@code POST /api/auth/logout}: the token presented is refused from then on. {@code POST /api/auth/password-reset}:
 * 202 whoever is named (a link goes to a confirmed address, if the account has one); {@code .../confirm} sets the new
 * password with the link's token. {@code POST /api/auth/email-confirmation}: the token of the link mailed to a new
 * address confirms it.
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

    @Inject
    PasswordResets resets;

    @Inject
    EmailAddresses emailAddresses;

    @Context
    HttpServletRequest request;

    /** The credentials. */
    public record Credentials(String username, String password) {}

    /** Whose password to reset: a username or an e-mail address. */
    public record ResetRequest(String username, String email) {}

    /** The token of a mailed link, and with a reset the new password. */
    public record LinkToken(String token, String password) {}

    /** The token and when it expires. */
    public record TokenView(String token, Instant expiresAt) {}

    @POST
    @Path("login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: an RS256 JWT valid for 15 minutes")
    @APIResponse(
            responseCode = "200",
            description = "Signed in",
            content = @Content(schema = @Schema(implementation = TokenView.class)))
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
            return throttled(throttled.retryAfter(), "too many failed sign-ins");
        }
        return Problem.of(Response.Status.UNAUTHORIZED, "invalid username or password")
                .toResponse();
    }

    /** A 429 saying how long to wait, in whole seconds rounded up. */
    private static Response throttled(java.time.Duration wait, String what) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(
                        Problem.of(Response.Status.TOO_MANY_REQUESTS, what + "; try again in " + seconds + " s")
                                .toResponse())
                .header("Retry-After", seconds)
                .build();
    }

    @POST
    @Path("logout")
    @RolesAllowed({Roles.ADMIN, Roles.CLIENT})
    @Operation(summary = "Sign out: the token presented is refused from now on")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout() {
        SignedIn.of(request.getUserPrincipal()).ifPresent(signedIn -> sessions.revoke(signedIn.sessionId()));
        return Response.noContent().build();
    }

    @POST
    @Path("password-reset")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "requestPasswordReset",
            summary = "Ask for a password reset link: 202 whether or not the account exists")
    @APIResponse(responseCode = "202", description = "A link is mailed if the account exists")
    public Response requestReset(ResetRequest wanted) {
        if (wanted == null || (wanted.username() == null) == (wanted.email() == null)) {
            throw Problem.badRequest("send {\"username\":...} or {\"email\":...}");
        }
        return resets.request(wanted.username() != null ? wanted.username() : wanted.email(), addresses.of(request))
                .map(wait -> throttled(wait, "too many reset requests"))
                .orElse(Response.accepted().build());
    }

    @POST
    @Path("password-reset/confirm")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "confirmPasswordReset",
            summary = "Set the new password with the mailed link's token; every sign-in of the account ends")
    @APIResponse(responseCode = "204", description = "The password is set")
    public Response reset(LinkToken link) {
        if (link == null) {
            throw Problem.badRequest("send {\"token\":...,\"password\":...}");
        }
        resets.reset(link.token(), link.password());
        return Response.noContent().build();
    }

    @POST
    @Path("email-confirmation")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a new e-mail address with the mailed link's token")
    @APIResponse(responseCode = "204", description = "The address is confirmed")
    public Response confirmEmail(LinkToken link) {
        if (link == null) {
            throw Problem.badRequest("send {\"token\":...}");
        }
        emailAddresses.confirm(link.token());
        return Response.noContent().build();
    }
}
