package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.HeldNotifications;
import org.ems.users.domain.NotificationPreferences;
import org.ems.users.domain.Passwords;
import org.ems.users.domain.Role;
import org.ems.users.domain.SignInAttempts;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;

/** What signed-in users change of themselves on their profile page: zone, language, password, notifications. */
@Stateless
public class ProfileService {

    @Inject
    UserRepository users;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginSessions sessions;

    @Inject
    AuditLog audit;

    @Inject
    EmailAddresses addresses;

    @Inject
    HeldNotifications held;

    /**
     * A user's change of their own profile. A new password needs the current one, checked under the sign-in throttle
     * (a stolen session must not become a password guesser; {@code address} is the client's), and ends their other
     * sign-ins (not {@code callerSession}, the one making the change).
     */
    public UserView changeProfile(UUID id, @Valid @NotNull ProfileChange change, UUID callerSession, String address) {
        User user = users.existing(id);
        UserView before = UserView.of(user);
        String newPassword = change.getNewPassword();
        if (newPassword != null) {
            SignInAttempts.Attempt attempt = new SignInAttempts.Attempt(user.username(), address, Instant.now());
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
            UserService.checkPassword("newPassword", user.username(), newPassword);
            user.changePassword(passwords.hash(newPassword));
            sessions.revokeAllOf(id, callerSession);
        }
        user.changePreferences(UserService.zone(change.getTimeZone()), change.getLanguage());
        addresses.change(user, change.getEmail(), false);
        if (change.getNotifications() != null) {
            changeNotifications(user, change.getNotifications());
        }
        audit.record(newPassword == null ? "UPDATED" : "UPDATED_WITH_PASSWORD", "USER", id, before, UserView.of(user));
        return UserView.of(user);
    }

    /** What the user wants mailed, and when. */
    public NotificationSettings notifications(UUID id) {
        return NotificationSettings.of(users.existing(id).notifications());
    }

    /** A user's change of what is mailed to them, and when. */
    public NotificationSettings changeNotifications(UUID id, @Valid @NotNull NotificationSettings change) {
        User user = users.existing(id);
        changeNotifications(user, change);
        return NotificationSettings.of(user.notifications());
    }

    /**
     * Every alert is for administrators only. What the user has held goes when the new preferences say (at once if
     * they hold nothing now).
     */
    private void changeNotifications(User user, NotificationSettings change) {
        NotificationPreferences before = user.notifications();
        NotificationPreferences after = change.over(before);
        if (after.allAlerts() && user.role() != Role.ADMIN) {
            throw Rejected.invalid("email.allAlerts", "only administrators get every alert");
        }
        if (!after.equals(before)) {
            user.changeNotifications(after);
            Instant now = Instant.now();
            held.retime(
                    user.id(), after.holdUntil(now, ZoneId.of(user.timeZone())).orElse(now));
            audit.record(
                    "NOTIFICATIONS_CHANGED",
                    "USER",
                    user.id(),
                    NotificationSettings.of(before),
                    NotificationSettings.of(after));
        }
    }

    /** The language the user chose for the pages; empty follows the browser's. */
    public Optional<String> language(UUID userId) {
        return users.find(userId).flatMap(User::language);
    }
}
