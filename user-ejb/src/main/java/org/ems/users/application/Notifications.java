package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * confirmed address and have not switched such mails off, and to the administrators who chose to get every alert; a
 * withdrawn alert only to those whose mail of it went already (one still waiting is dropped). Each mail once per alert and recipient, however often the alert is delivered. Every such mail
 * has a one-click unsubscribe link.
 */
@ApplicationScoped
public class Notifications {

    /** The list a link stops: the alerts of one's devices. */
    public static final String ALERTS = "alerts";

    /** The list a link stops: every alert (administrators who chose it). */
    public static final String ALL_ALERTS = "all-alerts";

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

    /**
     * An alert raised, reinstated or withdrawn, in the transaction that received it: to its owner, and to the
     * administrators who want every alert.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alert(AlertMessage alert, UUID ownerId, String deviceName) {
        if (!mailer.enabled()) {
            return;
        }
        Map<User, String> recipients = new LinkedHashMap<>();
        users.find(ownerId).ifPresent(owner -> recipients.put(owner, ALERTS));
        users.watchingAllAlerts().stream()
                .filter(admin -> !admin.id().equals(ownerId))
                .forEach(admin -> recipients.put(admin, ALL_ALERTS));
        recipients.forEach((user, list) -> {
            String cause = "alert:" + alert.id() + ":" + user.id();
            if (!alert.standing()) {
                if (outbox.withdraw(cause) && user.confirmedEmail().isPresent()) {
                    queue(user, list, "withdrawn:" + alert.id() + ":" + user.id(), alert, deviceName);
                }
            } else if (user.confirmedEmail().isPresent() && wants(user, list)) {
                queue(user, list, cause, alert, deviceName);
            }
        });
    }

    private static boolean wants(User user, String list) {
        return ALERTS.equals(list) ? user.notifyAlerts() : user.notifyAllAlerts();
    }

    private void queue(User user, String list, String cause, AlertMessage alert, String deviceName) {
        String key = user.unsubscribeKey(UserTokens::newToken);
        String query = "?user=" + user.id() + "&list=" + list + "&key=" + key;
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
                .filter(u -> (ALERTS.equals(list) || ALL_ALERTS.equals(list)) && u.unsubscribesWith(key))
                .orElseThrow(() -> Rejected.invalid("key", "this link is not valid"));
        if (wants(user, list)) {
            UserView before = UserView.of(user);
            if (ALERTS.equals(list)) {
                user.notifyAlerts(false);
            } else {
                user.notifyAllAlerts(false);
            }
            audit.record("UNSUBSCRIBED", "USER", user.id(), before, UserView.of(user));
        }
    }
}
