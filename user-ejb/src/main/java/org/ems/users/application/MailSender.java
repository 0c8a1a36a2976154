package org.ems.users.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.ems.users.domain.HeldNotifications;
import org.ems.users.domain.MailOutbox;
import org.ems.users.domain.Mailer;
import org.ems.users.domain.Retries;
import org.ems.users.domain.UserTokens;

/**
 * Sends the outbox's mails, on every instance, every two seconds (first queuing the held notifications that are due,
 * {@link Notifications#release}): each due mail is claimed for a lease (no other
 * instance sends it meanwhile), handed to the mail server and noted sent. One the server does not take now is tried
 * again after a pause that doubles from 30 s to an hour; one it refuses for good (5xx), or has not taken for a day, is
 * noted failed with the reason (the operations page lists them). A start tries every waiting mail at once. A crash between sending and noting leaves the mail
 * to be sent again when the lease ends: at least once, the same Message-ID each time. Hourly, old sent and failed
 * mails and expired tokens are deleted.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    static final Duration LEASE = Duration.ofMinutes(2);

    @Inject
    MailOutbox outbox;

    @Inject
    Mailer mailer;

    @Inject
    UserTokens tokens;

    @Inject
    HeldNotifications held;

    @Inject
    Notifications notifications;

    @Inject
    MetricRegistry metrics;

    // Not EJB timers: those need Payara's data grid even when not persistent; every instance sends anyway.
    @Resource
    ManagedScheduledExecutorService scheduler;

    void schedule(@Observes Startup startup) {
        metrics.counter("ems.mails.sent");
        metrics.counter("ems.mails.failed");
        metrics.gauge("ems.mails.waiting", outbox, MailOutbox::pending);
        metrics.gauge("ems.notifications.held", held, HeldNotifications::held);
        if (mailer.enabled()) {
            Schedules.guarded(LOG, "making the waiting mails due", () -> outbox.dueNow(Instant.now()))
                    .run();
            Runnable release =
                    Schedules.guarded(LOG, "releasing held notifications", () -> notifications.release(Instant.now()));
            Runnable send = Schedules.guarded(LOG, "sending mail", () -> sendDue(Instant.now()));
            scheduler.scheduleWithFixedDelay(
                    () -> {
                        release.run();
                        send.run();
                    },
                    5,
                    2,
                    TimeUnit.SECONDS);
            scheduler.scheduleAtFixedRate(
                    Schedules.guarded(LOG, "the mail upkeep", () -> upkeep(Instant.now())), 60, 3600, TimeUnit.SECONDS);
        }
    }

    /** Sends what is due as of {@code now}, batch after batch until nothing is left. */
    void sendDue(Instant now) {
        List<MailOutbox.Queued> due;
        while (!(due = outbox.claimDue(now, LEASE, 20)).isEmpty()) {
            due.forEach(mail -> send(mail, now));
        }
    }

    private void send(MailOutbox.Queued queued, Instant now) {
        try {
            mailer.send(queued.id(), queued.mail());
            outbox.sent(queued.id(), Instant.now());
            metrics.counter("ems.mails.sent").inc();
        } catch (Mailer.Refused refused) {
            boolean tooLong = !queued.createdAt().plus(Retries.GIVE_UP_AFTER).isAfter(now);
            if (refused.permanent() || tooLong) {
                String reason = (tooLong && !refused.permanent() ? "not taken for a day: " : "") + refused.getMessage();
                outbox.failed(queued.id(), Instant.now(), reason);
                metrics.counter("ems.mails.failed").inc();
                LOG.warning(() -> "Mail " + queued.id() + " to " + queued.mail().recipient() + " failed: " + reason);
            } else {
                outbox.retry(queued.id(), now.plus(Retries.pause(queued.attempts())), refused.getMessage());
            }
        }
    }

    void upkeep(Instant now) {
        int mails = outbox.purge(now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(90)))
                + held.purge(now.minus(Duration.ofDays(30)));
        int expired = tokens.purgeExpired(now);
        if (mails + expired > 0) {
            LOG.info(() -> "Deleted " + mails + " old mail(s) and " + expired + " expired link(s)");
        }
    }
}
