package org.ems.users.application;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.user.UserDeleted;
import org.ems.contracts.user.UserDirectory;
import org.ems.contracts.validation.TimeZoneId;
import org.ems.users.domain.LoginSession;
import org.ems.users.domain.PasswordPolicy;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.ems.users.domain.Usernames;

/** Accounts: sign-in and their administration. Every rule about users is here or in the requests' constraints. */
@Stateless
@LocalBean
@Local(UserDirectory.class) // the view the devices module uses, besides the bean itself
public class UserService implements UserDirectory {

    /** Usernames: 3 to 64 letters, digits, '.', '_', '-' or '@'. */
    static final String USERNAME = "[A-Za-z0-9._@-]{3,64}";

    /** Longer names are refused at sign-in before anything else (accounts have at most 64). */
    static final int SIGN_IN_USERNAME_MAX = 100;

    static final String USERNAME_MESSAGE = "username must be 3 to 64 letters, digits, '.', '_', '-' or '@'";
    static final String NAME_MESSAGE = "name must have 1 to 200 characters";
    static final String ROLE_MESSAGE = "role must be ADMIN or CLIENT";
    static final String SHORT_PASSWORD = "password must have at least {min} characters";
    static final String LONG_PASSWORD = "password must have at most {max} characters";
    static final String LANGUAGE_MESSAGE = "language must be en or ro (or none: the browser's)";

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    TokenIssuer tokens;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginSessions sessions;

    @Inject
    Event<UserDeleted> deleted;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = ServerResources.TIMEZONE_PROPERTY, defaultValue = ServerResources.DEFAULT_TIMEZONE)
    String defaultTimeZone;

    /**
     * What every request about a user gives: name, role, zone, and a password (checked for length when given). The
     * requests are beans, not records: Payara's OpenAPI generator fails on constraints of a record's constructor
     * parameters (NullPointerException in ApplicationProcessor.addSchemaParameter), and pages bind to beans.
     */
    public abstract static class UserDetails implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        @NotBlank(message = NAME_MESSAGE)
        @Size(max = 200, message = NAME_MESSAGE)
        private String name;

        @NotNull(message = ROLE_MESSAGE)
        @Pattern(regexp = "ADMIN|CLIENT", message = ROLE_MESSAGE)
        private String role;

        @TimeZoneId
        private String timeZone;

        @Size(min = PasswordPolicy.MIN_LENGTH, message = SHORT_PASSWORD)
        @Size(max = PasswordPolicy.MAX_LENGTH, message = LONG_PASSWORD)
        private String password;

        UserDetails() {}

        UserDetails(String name, String role, String timeZone, String password) {
            this.name = name;
            this.role = role;
            this.timeZone = timeZone;
            this.password = password;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getRole() {
            return role;
        }

        public void setRole(String role) {
            this.role = role;
        }

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /** What a new user is given: a username and a password besides; a null time zone means the server's. */
    public static class NewUser extends UserDetails {

        private static final long serialVersionUID = 1L;

        @NotNull(message = USERNAME_MESSAGE)
        @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE)
        private String username;

        public NewUser() {}

        public NewUser(String username, String password, String name, String role, String timeZone) {
            super(name, role, timeZone, password);
            this.username = username;
        }

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        /** Required here; an update may leave it out. */
        @Override
        @NotNull(message = "password is required")
        public String getPassword() {
            return super.getPassword();
        }
    }

    /** What an update changes; a null password keeps the current one, a null time zone the current zone. */
    public static class UserChange extends UserDetails {

        private static final long serialVersionUID = 1L;

        public UserChange() {}

        public UserChange(String name, String role, String timeZone, String password) {
            super(name, role, timeZone, password);
        }
    }

    /**
     * What a user changes of themselves: zone, language (null follows the browser) and, with the current one, the
     * password (a null new password keeps it).
     */
    public static class ProfileChange implements java.io.Serializable {

        private static final long serialVersionUID = 1L;

        @NotNull(message = "timeZone is required")
        @TimeZoneId
        private String timeZone;

        @Pattern(regexp = "en|ro", message = LANGUAGE_MESSAGE)
        private String language;

        @Size(max = PasswordPolicy.MAX_LENGTH, message = LONG_PASSWORD)
        private String currentPassword;

        @Size(min = PasswordPolicy.MIN_LENGTH, message = "new " + SHORT_PASSWORD)
        @Size(max = PasswordPolicy.MAX_LENGTH, message = "new " + LONG_PASSWORD)
        private String newPassword;

        public String getTimeZone() {
            return timeZone;
        }

        public void setTimeZone(String timeZone) {
            this.timeZone = timeZone;
        }

        public String getLanguage() {
            return language;
        }

        public void setLanguage(String language) {
            this.language = language;
        }

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }

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
        LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(username, address, Instant.now());
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
        LoginSession session = sessions.open(existing(user.id()), LoginSession.Kind.TOKEN, tokens.lifetime());
        return tokens.issue(TokenIssuer.Use.API, user.asCaller(), session.id(), session.expiresAt());
    }

    /** A page session for a signed-in user; returns its id, which the servlet session keeps. */
    public UUID pageSession(UserView user) {
        return sessions.open(existing(user.id()), LoginSession.Kind.PAGE, LoginSessions.PAGE_LIFETIME)
                .id();
    }

    private Optional<User> authenticated(String username, String password) {
        Optional<User> user = username == null ? Optional.empty() : byUsername(username);
        // Verify against some hash even for an unknown user, so both answers take the same time.
        String hash = user.map(User::passwordHash).orElseGet(passwords::decoyHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        return user.filter(u -> matches);
    }

    public List<UserView> list() {
        return em.createQuery("select u from User u order by lower(u.username)", User.class)
                .getResultStream()
                .map(UserView::of)
                .toList();
    }

    /** Which users a page of the console lists: a word in the username or name, a role, the order, the page. */
    public record UserQuery(String text, String role, String sortBy, boolean descending, int first, int size) {}

    /** One page of users and how many match in all. */
    public record UserPage(List<UserView> users, long total) {}

    private static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "username", "lower(u.username)", "name", "lower(u.name)", "role", "u.role", "timeZone", "u.timeZone");

    /** The users of {@code query}, paged and sorted in the database. */
    public UserPage page(UserQuery query) {
        String where = " where (:text = '' or lower(u.username) like :like or lower(u.name) like :like)"
                + " and (:anyRole = true or u.role = :role)";
        String text = query.text() == null ? "" : query.text().trim().toLowerCase(Locale.ROOT);
        String like = "%" + text.replace("%", "").replace("_", "") + "%";
        Optional<Role> role = java.util.Arrays.stream(Role.values())
                .filter(r -> r.name().equals(query.role()))
                .findFirst();
        String order = SORTABLE.getOrDefault(String.valueOf(query.sortBy()), "lower(u.username)")
                + (query.descending() ? " desc" : "") + ", u.id";
        var users = em.createQuery("select u from User u" + where + " order by " + order, User.class);
        var total = em.createQuery("select count(u) from User u" + where, Long.class);
        for (var q : List.of(users, total)) {
            q.setParameter("text", text)
                    .setParameter("like", like)
                    .setParameter("anyRole", role.isEmpty())
                    .setParameter("role", role.orElse(Role.CLIENT));
        }
        return new UserPage(
                users.setFirstResult(query.first())
                        .setMaxResults(query.size())
                        .getResultStream()
                        .map(UserView::of)
                        .toList(),
                total.getSingleResult());
    }

    /** The users of these ids that exist, by id (for showing owners' names next to their devices). */
    public java.util.Map<UUID, UserView> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return em.createQuery("select u from User u where u.id in :ids", User.class)
                .setParameter("ids", ids)
                .getResultStream()
                .map(UserView::of)
                .collect(java.util.stream.Collectors.toMap(UserView::id, u -> u));
    }

    public UserView find(UUID id) {
        return UserView.of(existing(id));
    }

    public UserView create(@Valid @NotNull NewUser request) {
        String username = request.getUsername().trim();
        checkPassword("password", username, request.getPassword());
        if (byUsername(username).isPresent()) {
            throw Rejected.conflict("username '" + username + "' is taken");
        }
        User user = new User(
                username,
                passwords.hash(request.getPassword()),
                request.getName().trim(),
                Role.valueOf(request.getRole()),
                zone(request.getTimeZone() == null ? defaultTimeZone : request.getTimeZone()));
        em.persist(user);
        em.flush(); // a concurrent insert of the same name fails here, on the unique index
        audit.record("CREATED", "USER", user.id(), null, UserView.of(user));
        return UserView.of(user);
    }

    /**
     * Changes a user. A new role ends all their sign-ins; a new password all but {@code callerSession} (the sign-in
     * making the change, which stays signed in if it is theirs).
     */
    public UserView update(UUID id, @Valid @NotNull UserChange change, UUID callerSession) {
        User user = existing(id);
        UserView before = UserView.of(user);
        Role role = Role.valueOf(change.getRole());
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            refuseIfLastAdmin("the last administrator cannot stop being one");
        }
        user.update(
                change.getName().trim(),
                role,
                zone(change.getTimeZone() == null ? user.timeZone() : change.getTimeZone()));
        if (change.getPassword() != null) {
            checkPassword("password", user.username(), change.getPassword());
            user.changePassword(passwords.hash(change.getPassword()));
        }
        if (role != before.roleValue()) {
            sessions.revokeAllOf(id, null);
        } else if (change.getPassword() != null) {
            sessions.revokeAllOf(id, callerSession);
        }
        // the log says that a password was changed, never what it is
        audit.record(
                change.getPassword() == null ? "UPDATED" : "UPDATED_WITH_PASSWORD",
                "USER",
                id,
                before,
                UserView.of(user));
        return UserView.of(user);
    }

    /**
     * A user's change of their own profile. A new password needs the current one, checked under the sign-in throttle
     * (a stolen session must not become a password guesser; {@code address} is the client's), and ends their other
     * sign-ins (not {@code callerSession}, the one making the change).
     */
    public UserView changeProfile(UUID id, @Valid @NotNull ProfileChange change, UUID callerSession, String address) {
        User user = existing(id);
        UserView before = UserView.of(user);
        String newPassword = change.getNewPassword();
        if (newPassword != null) {
            LoginThrottle.Attempt attempt = new LoginThrottle.Attempt(user.username(), address, Instant.now());
            Optional<Duration> wait = throttle.admit(attempt);
            if (wait.isPresent()) {
                throw Rejected.invalid(
                        "currentPassword",
                        "too many wrong passwords: try again in " + wait.get().toSeconds() + " s");
            }
            if (change.getCurrentPassword() == null
                    || !passwords.matches(change.getCurrentPassword(), user.passwordHash())) {
                throw Rejected.invalid("currentPassword", "currentPassword is not your password");
            }
            throttle.succeeded(attempt);
            checkPassword("newPassword", user.username(), newPassword);
            user.changePassword(passwords.hash(newPassword));
            sessions.revokeAllOf(id, callerSession);
        }
        user.changePreferences(zone(change.getTimeZone()), change.getLanguage());
        audit.record(newPassword == null ? "UPDATED" : "UPDATED_WITH_PASSWORD", "USER", id, before, UserView.of(user));
        return UserView.of(user);
    }

    /** The language the user chose for the pages; empty follows the browser's. */
    public Optional<String> language(UUID userId) {
        return Optional.ofNullable(em.find(User.class, userId)).flatMap(User::language);
    }

    /** Deletes a user: their sign-ins go with them (at once), their devices stay unassigned. */
    public void delete(UUID id) {
        User user = existing(id);
        if (user.role() == Role.ADMIN) {
            refuseIfLastAdmin("the last administrator cannot be deleted");
        }
        audit.record("DELETED", "USER", id, UserView.of(user), null);
        em.remove(user);
        em.flush(); // the sign-ins are deleted by the database (on delete cascade) before the event's observers run
        deleted.fire(new UserDeleted(id));
    }

    @Override
    public Optional<String> timeZone(UUID userId) {
        return Optional.ofNullable(em.find(User.class, userId)).map(User::timeZone);
    }

    @Override
    public java.util.Map<UUID, org.ems.contracts.user.Person> people(java.util.Collection<UUID> ids) {
        return findAll(ids).values().stream()
                .collect(java.util.stream.Collectors.toMap(
                        UserView::id,
                        u -> new org.ems.contracts.user.Person(u.id(), u.username(), u.name(), u.role())));
    }

    @Override
    public String defaultTimeZone() {
        return zone(defaultTimeZone);
    }

    private void refuseIfLastAdmin(String why) {
        long admins = em.createQuery("select count(u) from User u where u.role = :role", Long.class)
                .setParameter("role", Role.ADMIN)
                .getSingleResult();
        if (admins <= 1) {
            throw Rejected.conflict(why);
        }
    }

    private User existing(UUID id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw Rejected.notFound("no user " + id);
        }
        return user;
    }

    private Optional<User> byUsername(String username) {
        return em.createQuery("select u from User u where lower(u.username) = :name", User.class)
                .setParameter("name", Usernames.normal(username))
                .getResultStream()
                .findFirst();
    }

    private static void checkPassword(String field, String username, String password) {
        String violation = PasswordPolicy.violation(username, password);
        if (violation != null) {
            throw Rejected.invalid(field, violation);
        }
    }

    /** The zone's normal id (already validated by {@link TimeZoneId}). */
    private static String zone(String zone) {
        return ZoneId.of(zone).getId();
    }
}
