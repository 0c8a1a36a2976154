package org.ems.users.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.users.domain.Mail;
import org.ems.users.domain.MailOutbox;

/** The outbox in {@code users.mail_outbox}, in the caller's transaction. */
@ApplicationScoped
public class JdbcMailOutbox implements MailOutbox {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public void queue(UUID id, String cause, UUID userId, Mail mail, Instant now) {
        new Sql(db)
                .update(
                        "cannot queue a mail",
                        "insert into users.mail_outbox (id, cause, user_id, recipient, subject, text_body, html_body,"
                                + " unsubscribe_url, next_attempt_at, created_at) select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
                                + " where not exists (select 1 from users.held_notification where cause = ?)"
                                + " on conflict (cause) do nothing",
                        id,
                        cause,
                        userId,
                        mail.recipient(),
                        mail.subject(),
                        mail.text(),
                        mail.html(),
                        mail.unsubscribeUrl().orElse(null),
                        now,
                        now,
                        cause);
    }

    @Override
    public boolean queuedSince(String causePrefix, Instant since) {
        String like = causePrefix + "%"; // causes are ours: names, ids and colons, no wildcards
        return new Sql(db)
                .first(
                        "cannot look for recent mails",
                        "select 1 from users.mail_outbox where cause like ? and created_at > ? union all"
                                + " select 1 from users.held_notification where cause like ? and created_at > ? limit 1",
                        rs -> true,
                        like,
                        since,
                        like,
                        since)
                .isPresent();
    }

    @Override
    public boolean withdraw(String cause) {
        Sql sql = new Sql(db);
        sql.update(
                "cannot drop a waiting mail",
                "delete from users.mail_outbox where cause = ? and status = 'pending'",
                cause);
        return sql.first(
                        "cannot read a mail's status",
                        "select 1 from users.mail_outbox where cause = ? and status = 'sent'",
                        rs -> true,
                        cause)
                .isPresent();
    }

    @Override
    public List<Queued> claimDue(Instant now, Duration lease, int max) {
        // Rows another instance is claiming right now are skipped, not waited for; a lease runs out if its holder dies.
        return new Sql(db)
                .list(
                        "cannot claim mails to send",
                        "update users.mail_outbox set claimed_until = ? where id in (select id from users.mail_outbox"
                                + " where status = 'pending' and next_attempt_at <= ?"
                                + " and (claimed_until is null or claimed_until <= ?)"
                                + " order by next_attempt_at limit ? for update skip locked)"
                                + " returning id, recipient, subject, text_body, html_body, unsubscribe_url, attempts,"
                                + " created_at",
                        JdbcMailOutbox::queued,
                        now.plus(lease),
                        now,
                        now,
                        max);
    }

    private static Queued queued(ResultSet rs) throws SQLException {
        return new Queued(
                Sql.uuid(rs, "id"),
                new Mail(
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        Optional.ofNullable(rs.getString("unsubscribe_url"))),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }

    @Override
    public int dueNow(Instant now) {
        return new Sql(db)
                .update(
                        "cannot make the waiting mails due",
                        "update users.mail_outbox set next_attempt_at = ? where status = 'pending' and next_attempt_at > ?",
                        now,
                        now);
    }

    @Override
    public void sent(UUID id, Instant now) {
        new Sql(db)
                .update(
                        "cannot note a mail sent",
                        "update users.mail_outbox set status = 'sent', attempts = attempts + 1, finished_at = ?,"
                                + " claimed_until = null, last_error = null where id = ?",
                        now,
                        id);
    }

    @Override
    public void retry(UUID id, Instant next, String reason) {
        new Sql(db)
                .update(
                        "cannot note a mail to retry",
                        "update users.mail_outbox set attempts = attempts + 1, next_attempt_at = ?, claimed_until = null,"
                                + " last_error = left(?, 1000) where id = ?",
                        next,
                        reason,
                        id);
    }

    @Override
    public void failed(UUID id, Instant now, String reason) {
        new Sql(db)
                .update(
                        "cannot note a mail failed",
                        "update users.mail_outbox set status = 'failed', attempts = attempts + 1, finished_at = ?,"
                                + " claimed_until = null, last_error = left(?, 1000) where id = ?",
                        now,
                        reason,
                        id);
    }

    @Override
    public List<Failure> failures(int max) {
        return new Sql(db)
                .list(
                        "cannot read the failed mails",
                        "select id, recipient, subject, attempts, finished_at, last_error from users.mail_outbox"
                                + " where status = 'failed' order by finished_at desc limit ?",
                        rs -> new Failure(
                                Sql.uuid(rs, "id"),
                                rs.getString("recipient"),
                                rs.getString("subject"),
                                rs.getInt("attempts"),
                                rs.getTimestamp("finished_at").toInstant(),
                                rs.getString("last_error")),
                        max);
    }

    @Override
    public long pending() {
        return new Sql(db)
                .first(
                        "cannot count the mails waiting",
                        "select count(*) from users.mail_outbox where status = 'pending'",
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public int purge(Instant sentBefore, Instant failedBefore) {
        return new Sql(db)
                .update(
                        "cannot delete old mails",
                        "delete from users.mail_outbox where (status = 'sent' and finished_at < ?)"
                                + " or (status = 'failed' and finished_at < ?)",
                        sentBefore,
                        failedBefore);
    }
}
