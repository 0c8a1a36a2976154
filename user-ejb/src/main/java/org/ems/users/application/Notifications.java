package org.ems.users.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.audit.AuditLog;
import org.ems.contracts.chat.ChatPosted;
import org.ems.users.domain.HeldNotifications;
import org.ems.users.domain.MailList;
import org.ems.users.domain.MailOutbox;
import org.ems.users.domain.Mailer;
import org.ems.users.domain.Notice;
import org.ems.users.domain.User;
import org.ems.users.domain.UserRepository;
import org.ems.users.domain.UserTokens;

/**
 * What is mailed to users besides the links they ask for, each to a confirmed address, on a list they have not
 * stopped, and once per cause and recipient however often the cause is delivered:
 * <ul>
 *   <li>an alert of their devices to the owner, and to the administrators who chose to get every alert; a withdrawn
 *       alert only to those whose mail of it went already (one still waiting is dropped);
 *   <li>a chat message to whom it is for (the client, or the administrators) if they have had no EMS page or socket
 *       open for {@link #AWAY}, at most one mail per conversation and recipient in {@link #CHAT_EVERY}.
 * </ul>
 * In the recipient's quiet hours, or with their daily digest, a notification is held and goes with the others held
 * as one summary when they end. Every such mail has a one-click unsubscribe link.
 */
@ApplicationScoped
public class Notifications {

    /** Someone with no EMS page or socket open for this long is away: chat messages are mailed to them. */
    static final Duration AWAY = Duration.ofMinutes(5);

    /** At most one chat mail per conversation and recipient in this time. */
    static final Duration CHAT_EVERY = Duration.ofMinutes(30);

    @Inject
    UserRepository users;

    @Inject
    MailOutbox outbox;

    @Inject
    HeldNotifications held;

    @Inject
    Mailer mailer;

    @Inject
    MailTemplates templates;

    @Inject
    AuditLog audit;

    /**
     * An alert raised, reinstated or ended (withdrawn, a silent meter reporting again), in the transaction that
     * received it: to its owner (if the device has one), and to the administrators: as their own alert when its kind
     * is for them, else to those who want every alert.
     *
     * @param ownerId null when the device has no owner
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void alert(AlertMessage alert, UUID ownerId, String deviceName) {
        if (!mailer.enabled()) {
            return;
        }
        Map<User, MailList> recipients = new LinkedHashMap<>();
        if (ownerId != null) {
            users.find(ownerId).ifPresent(owner -> recipients.put(owner, MailList.ALERTS));
        }
        MailList administrators = alert.kind().toAdministrators() ? MailList.ALERTS : MailList.ALL_ALERTS;
        users.administratorsWithAddress().stream()
                .filter(admin -> !admin.id().equals(ownerId))
                .forEach(admin -> recipients.put(admin, administrators));
        Instant now = Instant.now();
        recipients.forEach((user, list) -> {
            String cause = "alert:" + alert.id() + ":" + user.id();
            if (alert.ended()) {
                // both: a cause is in the one or the other
                if (outbox.withdraw(cause) | held.withdraw(cause)) {
                    deliver(
                            user,
                            list,
                            "withdrawn:" + alert.id() + ":" + user.id(),
                            templates.alert(user, alert, deviceName),
                            now);
                }
            } else if (user.notifications().wants(list)) {
                deliver(user, list, cause, templates.alert(user, alert, deviceName), now);
            }
        });
    }

    /** A new chat message, in the transaction that stored it: to whom it is for, if they are away. */
    void chat(@Observes ChatPosted message) {
        if (!mailer.enabled()) {
            return;
        }
        Instant now = Instant.now();
        List<User> recipients = message.fromAdministrator()
                ? users.find(message.conversationId()).stream().toList()
                : users.administratorsWithAddress();
        for (User user : recipients) {
            String conversation = "chat:" + message.conversationId() + ":" + user.id() + ":";
            boolean away =
                    user.lastSeen().map(seen -> seen.isBefore(now.minus(AWAY))).orElse(true);
            if (away
                    && !user.id().equals(message.senderId())
                    && user.notifications().wants(MailList.CHAT)
                    && !outbox.queuedSince(conversation, now.minus(CHAT_EVERY))) {
                deliver(user, MailList.CHAT, conversation + message.messageId(), templates.chat(user, message), now);
            }
        }
    }

    /** Mails a notice now, or holds it for the summary if the user's quiet hours or digest say so. */
    private void deliver(User user, MailList list, String cause, Notice notice, Instant now) {
        if (user.confirmedEmail().isEmpty()) {
            return;
        }
        Optional<Instant> until = user.notifications().holdUntil(now, ZoneId.of(user.timeZone()));
        if (until.isPresent()) {
            held.hold(UUID.randomUUID(), cause, user.id(), list, notice, now, until.get());
        } else {
            queue(user, list, cause, notice, now);
        }
    }

    private void queue(User user, MailList list, String cause, Notice notice, Instant now) {
        String key = user.unsubscribeKey(UserTokens::newToken);
        String query = "?user=" + user.id() + "&list=" + list.id() + "&key=" + key;
        outbox.queue(
                UUID.randomUUID(),
                cause,
                user.id(),
                templates.unsubscribable(
                        user,
                        templates.letter(user, user.confirmedEmail().orElseThrow(), notice),
                        templates.link("/unsubscribe.xhtml" + query),
                        templates.link("/api/notifications/unsubscribe" + query)),
                now);
    }

    /**
     * Queues what was held and is due at {@code now}: one user's notices as one summary (a single one as itself).
     * Returns how many users' notices went.
     */
    @Transactional
    public int release(Instant now) {
        List<UUID> due = held.due(now, 50);
        for (UUID userId : due) {
            List<HeldNotifications.Held> notices = held.release(userId, now);
            Optional<User> user =
                    users.find(userId).filter(u -> u.confirmedEmail().isPresent());
            if (notices.isEmpty() || user.isEmpty()) {
                continue; // another instance released them, or the address went meanwhile
            }
            HeldNotifications.Held first = notices.get(0);
            if (notices.size() == 1) {
                queue(user.get(), first.list(), "released:" + first.id(), first.notice(), now);
            } else {
                queue(
                        user.get(),
                        MailList.ALL,
                        "summary:" + first.id(),
                        templates.summary(
                                user.get(),
                                notices.stream()
                                        .map(HeldNotifications.Held::notice)
                                        .toList()),
                        now);
            }
        }
        return due.size();
    }

    /** Stops the mails of {@code list} to the user whose link it is; a wrong key is refused. */
    @Transactional(rollbackOn = Rejected.class)
    public void unsubscribe(UUID userId, String list, String key) {
        Optional<MailList> stopped = MailList.of(list);
        User user = users.find(userId)
                .filter(u -> stopped.isPresent() && u.unsubscribesWith(key))
                .orElseThrow(() -> Rejected.invalid("key", "this link is not valid"));
        if (user.notifications().wants(stopped.get())) {
            UserView before = UserView.of(user);
            user.changeNotifications(user.notifications().without(stopped.get()));
            audit.record("UNSUBSCRIBED", "USER", user.id(), before, UserView.of(user));
        }
    }
}
