package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.audit.AuditLog;
import org.ems.users.domain.MailOutbox;
import org.ems.users.domain.Mailer;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.UserTokens;

/**
 * What is mailed to users besides the links they ask for: an alert of their devices goes to the owner, if they have a
 * confirmed address and have not switched such mails off; a withdrawn alert only if its mail went already (one still
 * waiting is dropped). Each mail once per alert and recipient, however often the alert is delivered. Every such mail
 * has a one-click unsubscribe link.
 */
@ApplicationScoped
public class Notifications {

    /** The list a link stops: the alerts of one's devices. */
    public static final String ALERTS = "alerts";

    @Inject
    UserRepository users;

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    AuditLog audit;

    /** An alert raised, reinstated or withdrawn, in the transaction that received it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alert(AlertMessage alert, UUID ownerId, String deviceName) {
        Optional<User> owner = users.find(ownerId);
        if (!mailer.enabled() || owner.isEmpty()) {
            return;
        }
        User user = owner.get();
        String cause = "alert:" + alert.id() + ":" + user.id();
        if (!alert.standing()) {
            if (outbox.withdraw(cause) && user.confirmedEmail().isPresent()) {
                queue(user, "withdrawn:" + alert.id() + ":" + user.id(), alert, deviceName);
            }
            return;
        }
        if (user.confirmedEmail().isPresent() && user.notifyAlerts()) {
            queue(user, cause, alert, deviceName);
        }
    }

    private void queue(User user, String cause, AlertMessage alert, String deviceName) {
        String key = user.unsubscribeKey(UserTokens::newToken);
        String query = "?user=" + user.id() + "&list=" + ALERTS + "&key=" + key;
        outbox.queue(
                UUID.randomUUID(),
                cause,
                user.id(),
                templates.unsubscribable(
                        user,
                        templates.alert(user, alert, deviceName),
                        templates.link("/unsubscribe.xhtml" + query),
                        templates.link("/api/notifications/unsubscribe" + query)),
                Instant.now());
    }

    /** Stops the mails of {@code list} to the user whose link it is; a wrong key is refused. */
    @Transactional(rollbackOn = Rejected.class)
    public void unsubscribe(UUID userId, String list, String key) {
        User user = users.find(userId)
                .filter(u -> ALERTS.equals(list) && u.unsubscribesWith(key))
                .orElseThrow(() -> Rejected.invalid("key", "this link is not valid"));
        if (user.notifyAlerts()) {
            UserView before = UserView.of(user);
            user.notifyAlerts(false);
            audit.record("UNSUBSCRIBED", "USER", user.id(), before, UserView.of(user));
        }
    }
}
