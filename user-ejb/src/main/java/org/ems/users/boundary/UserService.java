package org.ems.users.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.users.control.LoginThrottle;
import org.ems.users.control.Passwords;
import org.ems.users.control.TokenIssuer;
import org.ems.users.entity.Role;
import org.ems.users.entity.User;

/** Accounts: sign-in and their administration. Every rule about users is here. */
@Stateless
public class UserService {

    /** Usernames: 3 to 64 letters, digits, '.', '_', '-' or '@'. */
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    Event<UserDeleted> deleted;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "ems.timezone", defaultValue = "UTC")
    String defaultTimeZone;

    /** What a new user is given. */
    public record NewUser(String username, String password, String name, String role, String timeZone) {}

    /** What an update changes; a null password keeps the current one. */
    public record UserChange(String name, String role, String timeZone, String password) {}

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
        Instant now = Instant.now();
        Optional<Duration> wait = throttle.retryAfter(username, address, now);
        if (wait.isPresent()) {
            return new SignIn.Throttled(wait.get());
        }
        Optional<User> user = authenticated(username, password);
        if (user.isEmpty()) {
            throttle.failed(username, address, now);
            return new SignIn.Refused();
        }
        throttle.succeeded(username);
        return new SignIn.Accepted(UserView.of(user.get()));
    }

    /** A token for a signed-in user. */
    public TokenIssuer.Token token(UserView user) {
        return tokens.issue(user);
    }

    private Optional<User> authenticated(String username, String password) {
        Optional<User> user = byUsername(username);
        // Verify against some hash even for an unknown user, so both answers take the same time.
        String hash = user.map(User::passwordHash).orElseGet(passwords::decoyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        return user.filter(u -> matches);
    }

    public List<UserView> list() {
        return em.createQuery("select u from User u order by lower(u.username)", User.class)
                .getResultStream().map(UserView::of).toList();
    }

    public UserView find(UUID id) {
        return UserView.of(existing(id));
    }

    public UserView create(NewUser request) {
        String username = request.username() == null ? "" : request.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw invalid("username must be 3 to 64 letters, digits, '.', '_', '-' or '@'");
        }
        checkPassword(username, request.password());
        if (byUsername(username).isPresent()) {
            throw new UserRejected(UserRejected.Reason.CONFLICT, "username '" + username + "' is taken");
        }
        User user = new User(username, passwords.hash(request.password()), name(request.name()), role(request.role()),
                zone(request.timeZone() == null ? defaultTimeZone : request.timeZone()));
        em.persist(user);
        em.flush(); // a concurrent insert of the same name fails here, on the unique index
        audit.record("CREATED", "USER", user.id(), null, UserView.of(user));
        return UserView.of(user);
    }

    public UserView update(UUID id, UserChange change) {
        User user = existing(id);
        UserView before = UserView.of(user);
        Role role = role(change.role());
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            refuseIfLastAdmin("the last administrator cannot stop being one");
        }
        user.update(name(change.name()), role, zone(change.timeZone() == null ? user.timeZone() : change.timeZone()));
        if (change.password() != null) {
            checkPassword(user.username(), change.password());
            user.changePassword(passwords.hash(change.password()));
        }
        // the log says that a password was changed, never what it is
        audit.record(change.password() == null ? "UPDATED" : "UPDATED_WITH_PASSWORD", "USER", id, before,
                UserView.of(user));
        return UserView.of(user);
    }

    public void delete(UUID id) {
        User user = existing(id);
        if (user.role() == Role.ADMIN) {
            refuseIfLastAdmin("the last administrator cannot be deleted");
        }
        audit.record("DELETED", "USER", id, UserView.of(user), null);
        em.remove(user);
        deleted.fire(new UserDeleted(id));
    }

    private void refuseIfLastAdmin(String why) {
        long admins = em.createQuery("select count(u) from User u where u.role = :role", Long.class)
                .setParameter("role", Role.ADMIN).getSingleResult();
        if (admins <= 1) {
            throw new UserRejected(UserRejected.Reason.CONFLICT, why);
        }
    }

    private User existing(UUID id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new UserRejected(UserRejected.Reason.NOT_FOUND, "no user " + id);
        }
        return user;
    }

    private Optional<User> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return em.createQuery("select u from User u where lower(u.username) = :name", User.class)
                .setParameter("name", username.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
    }

    private static void checkPassword(String username, String password) {
        String violation = Passwords.policyViolation(username, password);
        if (violation != null) {
            throw invalid(violation);
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw invalid("name must have 1 to 200 characters");
        }
        return name.trim();
    }

    private static Role role(String role) {
        try {
            return Role.valueOf(role == null ? "" : role);
        } catch (IllegalArgumentException e) {
            throw invalid("role must be ADMIN or CLIENT");
        }
    }

    private static String zone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        } catch (DateTimeException | NullPointerException e) {
            throw invalid("timeZone must be an IANA time zone such as Europe/Bucharest, not '" + zone + "'");
        }
    }

    private static UserRejected invalid(String message) {
        return new UserRejected(UserRejected.Reason.INVALID, message);
    }
}
