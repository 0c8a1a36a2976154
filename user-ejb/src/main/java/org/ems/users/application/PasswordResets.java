package org.ems.users.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.Mailer;
import org.ems.users.domain.Passwords;
import org.ems.users.domain.SignInAttempts;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.UserTokens;

/**
 * "Forgot your password?": a single-use link, valid 30 minutes, mailed to the account's confirmed address; following
 * it sets a new password and ends every sign-in of the account. Asking says nothing of whether the account exists
 * (its answer is the same), and is throttled as signing in is.
 */
@Stateless
public class PasswordResets {

    static final Duration VALID = Duration.ofMinutes(30);

    /** How long the link of a new account without a password lasts: people need days to get to it. */
    static final Duration INVITATION_VALID = Duration.ofDays(7);

    @Inject
    UserRepository users;

    @Inject
    MailedLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    Passwords passwords;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginSessions sessions;

    @Inject
    AuditLog audit;

    /**
     * Mails a reset link if {@code usernameOrEmail} names an account with a confirmed address (and a mail server is
     * configured); else nothing, the same way. Empty, or how long the caller ({@code address}) must wait.
     */
    public Optional<Duration> request(String usernameOrEmail, String address) {
        String wanted = usernameOrEmail == null ? "" : usernameOrEmail.strip();
        Optional<Duration> wait = throttle.admit(new SignInAttempts.Attempt("reset:" + wanted, address, Instant.now()));
        if (wait.isPresent()) {
            return wait;
        }
        // one field for both on the page; usernames may hold '@' too, so a username first, then an address
        Optional<User> user = users.byUsername(wanted).or(() -> users.byEmail(wanted));
        if (user.isEmpty() || user.get().confirmedEmail().isEmpty() || !mailer.enabled()) {
            return Optional.empty();
        }
        User found = user.get();
        links.mail(
                found,
                UserTokens.Purpose.RESET_PASSWORD,
                found.email().orElseThrow(),
                VALID,
                token -> templates.passwordReset(found, token));
        audit.record("PASSWORD_RESET_REQUESTED", "USER", user.get().id(), null, null);
        return Optional.empty();
    }

    /** Mails a new account without a password the link to choose one, when it has an address and mail is on. */
    public void invite(User user) {
        if (user.confirmedEmail().isPresent() && mailer.enabled()) {
            links.mail(
                    user,
                    UserTokens.Purpose.RESET_PASSWORD,
                    user.email().orElseThrow(),
                    INVITATION_VALID,
                    token -> templates.invitation(user, token));
        }
    }

    /**
     * Sets the password of the link's account and ends all its sign-ins; the link is spent. A link that was used,
     * expired or never mailed is refused (400), and so is a password the rules refuse (the link stays valid then).
     */
    public void reset(String token, String newPassword) {
        UserTokens.Spent spent = links.spend(token, UserTokens.Purpose.RESET_PASSWORD);
        User user = users.existing(spent.userId());
        if (newPassword == null) {
            throw Rejected.invalid("password", "password is required");
        }
        UserService.checkPassword("password", user.username(), newPassword); // rolls the spending back
        user.changePassword(passwords.hash(newPassword));
        sessions.revokeAllOf(user.id(), null);
        audit.record("PASSWORD_RESET", "USER", user.id(), null, null);
    }
}
