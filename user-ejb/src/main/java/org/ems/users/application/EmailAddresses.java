package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.Mailer;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.UserTokens;

/**
 * Users' e-mail addresses: one an administrator gives counts as confirmed; one users give themselves gets a link,
 * valid a day, and nothing else is mailed there until it is followed. One account per address.
 */
@ApplicationScoped
public class EmailAddresses {

    static final Duration VALID = Duration.ofDays(1);

    @Inject
    UserRepository users;

    @Inject
    MailedLinks links;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    AuditLog audit;

    /**
     * Sets {@code user}'s address, in the caller's transaction: {@code email} blank removes it, null keeps the one
     * there is (a request that does not mention it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void change(User user, String email, boolean byAdministrator) {
        if (email == null) {
            return;
        }
        String address = email.isBlank() ? null : email.strip();
        if (address != null) {
            users.byEmail(address)
                    .filter(other -> !other.id().equals(user.id()))
                    .ifPresent(other -> {
                        throw Rejected.conflict("another account has the address " + address);
                    });
        }
        boolean isNew = user.changeEmail(address, byAdministrator);
        if (isNew && address != null && !byAdministrator && mailer.enabled()) {
            links.mail(
                    user,
                    UserTokens.Purpose.CONFIRM_EMAIL,
                    address,
                    VALID,
                    token -> templates.confirmEmail(user, address, token));
        }
    }

    /** Whether EMS sends mail at all (a mail server is configured). */
    public boolean mailOn() {
        return mailer.enabled();
    }

    /** Follows a confirmation link: its address is confirmed if it is still its account's (else it was changed). */
    @Transactional(rollbackOn = Rejected.class)
    public void confirm(String token) {
        UserTokens.Spent spent = links.spend(token, UserTokens.Purpose.CONFIRM_EMAIL);
        User user = users.existing(spent.userId());
        UserView before = UserView.of(user);
        if (!user.confirmEmail(spent.email())) {
            throw Rejected.invalid("token", "this address is no longer the account's: " + spent.email());
        }
        audit.record("EMAIL_CONFIRMED", "USER", user.id(), before, UserView.of(user));
    }
}
