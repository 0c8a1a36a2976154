package org.ems.web.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.ems.users.boundary.UserService;
import org.ems.users.control.LoginThrottle;

/** {@code POST /api/auth/login}: a JWT for valid credentials; the same 401 for every invalid ones; 429 when guessing. */
@Path("auth/login")
@PermitAll
public class AuthResource {

    @Inject
    UserService users;

    @Inject
    LoginThrottle throttle;

    @Context
    HttpServletRequest request;

    /** The credentials. */
    public record Credentials(String username, String password) {}

    /** The token and when it expires. */
    public record TokenView(String token, Instant expiresAt) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in: an RS256 JWT valid for 15 minutes")
    public Response login(Credentials credentials) {
        if (credentials == null) {
            throw Problem.badRequest("send {\"username\":...,\"password\":...}");
        }
        String address = request.getRemoteAddr();
        Instant now = Instant.now();
        Optional<Duration> wait = throttle.retryAfter(credentials.username(), address, now);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS,
                            "too many failed sign-ins; try again in " + seconds + " s").toResponse())
                    .header("Retry-After", seconds).build();
        }
        return users.login(credentials.username(), credentials.password())
                .map(token -> {
                    throttle.succeeded(credentials.username());
                    return Response.ok(new TokenView(token.token(), token.expiresAt())).build();
                })
                .orElseGet(() -> {
                    throttle.failed(credentials.username(), address, now);
                    return Problem.of(Response.Status.UNAUTHORIZED, "invalid username or password").toResponse();
                });
    }
}
