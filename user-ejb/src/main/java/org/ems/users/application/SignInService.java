package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.users.domain.LoginSession;
import org.ems.users.domain.PasswordPolicy;
import org.ems.users.domain.Passwords;
import org.ems.users.domain.SignInAttempts;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;

/** Signing in, for the API and the pages alike: credentials checked under the throttle, then a token or a page session. */
@Stateless
public class SignInService {

    /** Longer names are refused at sign-in before anything else (accounts have at most 64). */
    static final int SIGN_IN_USERNAME_MAX = 100;

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginSessions sessions;

    /** How a sign-in attempt ended. */
    public sealed interface SignIn {
        /** The credentials are right. */
        record Accepted(UserView user) implements SignIn {}

        /** An unknown user or a wrong password: the caller cannot tell which. */
        record Refused() implements SignIn {}

        /** Too many failures for this username or address: not even checked. */
        record Throttled(Duration retryAfter) implements SignIn {}
    }

    /** Checks credentials under the sign-in throttle: the one sign-in rule of the API and the pages alike. */
    public SignIn signIn(String username, String password, String address) {
        // Refused before any hashing or lookup: no account has such a name or password, and hashing megabytes costs.
        if (username != null && username.length() > SIGN_IN_USERNAME_MAX) {
            throw Rejected.invalid("username", "username must have at most " + SIGN_IN_USERNAME_MAX + " characters");
        }
        if (password != null && password.length() > PasswordPolicy.MAX_LENGTH) {
            throw Rejected.invalid(
                    "password", "password must have at most " + PasswordPolicy.MAX_LENGTH + " characters");
        }
        SignInAttempts.Attempt attempt = new SignInAttempts.Attempt(username, address, Instant.now());
        Optional<Duration> wait = throttle.admit(attempt);
        if (wait.isPresent()) {
            return new SignIn.Throttled(wait.get());
        }
        Optional<User> user = authenticated(username, password);
        if (user.isEmpty()) {
            return new SignIn.Refused();
        }
        throttle.succeeded(attempt);
        return new SignIn.Accepted(UserView.of(user.get()));
    }

    /** A token for a signed-in user: a sign-in of its own, which {@code jti} names. */
    public TokenIssuer.Token token(UserView user) {
        LoginSession session = sessions.open(users.existing(user.id()), LoginSession.Kind.TOKEN, tokens.lifetime());
        return tokens.issue(
                TokenIssuer.Use.API, user.asCaller(), session.id(), session.createdAt(), session.expiresAt());
    }

    /** A page session for a signed-in user; returns its id, which the servlet session keeps. */
    public UUID pageSession(UserView user) {
        return sessions.open(users.existing(user.id()), LoginSession.Kind.PAGE, LoginSessions.PAGE_LIFETIME)
                .id();
    }

    private Optional<User> authenticated(String username, String password) {
        Optional<User> user = username == null ? Optional.empty() : users.byUsername(username);
        // Verify against some hash even for an unknown user, so both answers take the same time.
        String hash = user.map(User::passwordHash).orElseGet(passwords::decoyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        return user.filter(u -> matches);
    }
}
