package org.ems.users.application;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.user.Person;
import org.ems.contracts.user.UserDeleted;
import org.ems.contracts.user.UserDirectory;
import org.ems.contracts.user.UserErased;
import org.ems.contracts.validation.TimeZoneId;
import org.ems.users.domain.AuditRepository;
import org.ems.users.domain.PasswordPolicy;
import org.ems.users.domain.Passwords;
import org.ems.users.domain.Role;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.Usernames;

/**
 * The administration of accounts (ADMIN): list, create, change, delete; and the view of users the other modules get
 * ({@link UserDirectory}). Every rule about an account is here or in the requests' constraints; signing in is
 * {@link SignInService}'s, a user's own profile {@link ProfileService}'s.
 */
@Stateless
@LocalBean
@Local(UserDirectory.class) // the view the devices module uses, besides the bean itself
public class UserService implements UserDirectory {

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Inject
    LoginSessions sessions;

    @Inject
    Event<UserDeleted> deleted;

    @Inject
    AuditLog audit;

    @Inject
    EmailAddresses addresses;

    @Inject
    PasswordResets resets;

    @Inject
    AuditRepository auditEntries;

    @Inject
    Event<UserErased> erased;

    @Inject
    @ConfigProperty(name = ServerResources.TIMEZONE_PROPERTY, defaultValue = ServerResources.DEFAULT_TIMEZONE)
    String defaultTimeZone;

    public List<UserView> list() {
        return users.all().stream().map(UserView::of).toList();
    }

    /** Which users a page of the console lists: a word in the username or name, a role (empty: any); the page. */
    public record UserQuery(String text, String role, PageRequest page) {}

    /** The users of {@code query}, paged and sorted in the database. */
    public Page<UserView> page(UserQuery query) {
        Role role = Arrays.stream(Role.values())
                .filter(r -> r.name().equals(query.role()))
                .findFirst()
                .orElse(null);
        return users.page(new UserRepository.Query(query.text(), role, query.page()))
                .map(UserView::of);
    }

    /** The users of these ids that exist, by id (for showing owners' names next to their devices). */
    public Map<UUID, UserView> findAll(Collection<UUID> ids) {
        return users.withIds(ids).stream().map(UserView::of).collect(Collectors.toMap(UserView::id, u -> u));
    }

    public UserView find(UUID id) {
        return UserView.of(users.existing(id));
    }

    public UserView create(@Valid @NotNull NewUser request) {
        checkPassword("password", request.getUsername().trim(), request.getPassword());
        return UserView.of(add(request, passwords.hash(request.getPassword())));
    }

    /**
     * A user without a password (an import; {@code request}'s is not used): nobody can sign in as them until they
     * choose one by the link mailed to their address, if they have one, or an administrator sets one.
     */
    public UserView invite(NewUser request) {
        User user = add(request, passwords.decoyHash()); // the hash of a password no one knows
        resets.invite(user);
        return UserView.of(user);
    }

    private User add(NewUser request, String passwordHash) {
        String username = request.getUsername().trim();
        if (users.byUsername(username).isPresent()) {
            throw Rejected.conflict("username '" + username + "' is taken");
        }
        User user = new User(
                username,
                passwordHash,
                request.getName().trim(),
                Role.valueOf(request.getRole()),
                zone(request.getTimeZone() == null ? defaultTimeZone : request.getTimeZone()));
        users.add(user);
        addresses.change(user, request.getEmail(), true);
        audit.record("CREATED", "USER", user.id(), null, UserView.of(user));
        return user;
    }

    /**
     * Changes a user. A new role ends all their sign-ins; a new password all but {@code callerSession} (the sign-in
     * making the change, which stays signed in if it is theirs).
     */
    public UserView update(UUID id, @Valid @NotNull UserChange change, UUID callerSession) {
        User user = users.existing(id);
        UserView before = UserView.of(user);
        Role role = Role.valueOf(change.getRole());
        if (user.role() == Role.ADMIN && role != Role.ADMIN) {
            refuseIfLastAdmin("the last administrator cannot stop being one");
        }
        user.update(
                change.getName().trim(),
                role,
                zone(change.getTimeZone() == null ? user.timeZone() : change.getTimeZone()));
        addresses.change(user, change.getEmail(), true);
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

    /** Deletes a user: their sign-ins go with them (at once), their devices stay unassigned. */
    public void delete(UUID id) {
        User user = users.existing(id);
        if (user.role() == Role.ADMIN) {
            refuseIfLastAdmin("the last administrator cannot be deleted");
        }
        audit.record("DELETED", "USER", id, UserView.of(user), null);
        users.remove(user); // the sign-ins are deleted by the database before the event's observers run
        deleted.fire(new UserDeleted(id));
    }

    /**
     * Erases a user (GDPR article 17): deleted as {@link #delete} deletes (their sign-ins, mails, a client's
     * conversation; their devices stay, unassigned), and what must stay (the audit log, an administrator's chat
     * messages to clients) keeps {@code erased-<id>} in place of their name; the erasure is audited under that alias.
     */
    public String erase(UUID id) {
        String username = users.existing(id).username();
        String alias = "erased-" + id.toString().substring(0, 8);
        delete(id);
        auditEntries.anonymise(id, username, alias);
        erased.fire(new UserErased(id, alias));
        audit.record("ERASED", "USER", id, null, Map.of("username", alias));
        return alias;
    }

    @Override
    public Optional<String> timeZone(UUID userId) {
        return users.find(userId).map(User::timeZone);
    }

    @Override
    public Map<UUID, Person> people(Collection<UUID> ids) {
        return users.withIds(ids).stream()
                .collect(Collectors.toMap(
                        User::id,
                        u -> new Person(u.id(), u.username(), u.name(), u.role().name())));
    }

    @Override
    public Map<String, UUID> idsOf(Collection<String> usernames) {
        Map<String, UUID> byNormal = users.withUsernames(usernames).stream()
                .collect(Collectors.toMap(u -> Usernames.normal(u.username()), User::id));
        Map<String, UUID> ids = new java.util.HashMap<>();
        for (String username : usernames) {
            UUID id = byNormal.get(Usernames.normal(username));
            if (id != null) {
                ids.put(username, id);
            }
        }
        return ids;
    }

    @Override
    public String defaultTimeZone() {
        return zone(defaultTimeZone);
    }

    private void refuseIfLastAdmin(String why) {
        if (users.countWithRole(Role.ADMIN) <= 1) {
            throw Rejected.conflict(why);
        }
    }

    /** A password's rule for this username, as a refusal of {@code field}. */
    static void checkPassword(String field, String username, String password) {
        String violation = PasswordPolicy.violation(username, password);
        if (violation != null) {
            throw Rejected.invalid(field, violation);
        }
    }

    /** The zone's normal id (already validated by {@link TimeZoneId}). */
    static String zone(String zone) {
        return ZoneId.of(zone).getId();
    }
}
