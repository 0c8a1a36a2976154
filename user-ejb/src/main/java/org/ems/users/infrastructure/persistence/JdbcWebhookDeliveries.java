package org.ems.users.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.users.domain.WebhookDeliveries;

/** Webhook deliveries in {@code users.webhook_delivery}, in the caller's transaction. */
@ApplicationScoped
public class JdbcWebhookDeliveries implements WebhookDeliveries {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public void queue(UUID id, UUID webhookId, String event, String cause, String payload, Instant now) {
        new Sql(db)
                .update(
                        "cannot queue a webhook delivery",
                        "insert into users.webhook_delivery (id, webhook_id, event, cause, payload, next_attempt_at,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (webhook_id, cause) do nothing",
                        id,
                        webhookId,
                        event,
                        cause,
                        payload,
                        now,
                        now);
    }

    @Override
    public int count(UUID webhookId, String causePrefix) {
        return new Sql(db)
                .first(
                        "cannot count webhook deliveries",
                        "select count(*) from users.webhook_delivery where webhook_id = ? and cause like ?",
                        rs -> rs.getInt(1),
                        webhookId,
                        causePrefix + "%") // causes are ours: names, ids and colons, no wildcards
                .orElse(0);
    }

    @Override
    public List<Claimed> claimDue(Instant now, Duration lease, int max) {
        return new Sql(db)
                .list(
                        "cannot claim webhook deliveries",
                        "with claimed as (update users.webhook_delivery set claimed_until = ? where id in (select d.id"
                                + " from users.webhook_delivery d join users.webhook w on w.id = d.webhook_id"
                                + " where d.status = 'pending' and w.enabled and d.next_attempt_at <= ?"
                                + " and (d.claimed_until is null or d.claimed_until <= ?)"
                                + " order by d.next_attempt_at limit ? for update of d skip locked)"
                                + " returning id, webhook_id, event, payload, attempts, created_at)"
                                + " select c.*, w.url, w.secret from claimed c join users.webhook w on w.id = c.webhook_id",
                        rs -> new Claimed(
                                Sql.uuid(rs, "id"),
                                Sql.uuid(rs, "webhook_id"),
                                rs.getString("url"),
                                rs.getString("secret"),
                                rs.getString("event"),
                                rs.getString("payload"),
                                rs.getInt("attempts"),
                                rs.getTimestamp("created_at").toInstant()),
                        now.plus(lease),
                        now,
                        now,
                        max);
    }

    @Override
    public void delivered(UUID id, UUID webhookId, int statusCode, Instant now) {
        Sql sql = new Sql(db);
        sql.update(
                "cannot note a webhook delivery",
                "update users.webhook_delivery set status = 'delivered', attempts = attempts + 1, status_code = ?,"
                        + " last_error = null, last_attempt_at = ?, claimed_until = null where id = ?",
                statusCode,
                now,
                id);
        sql.update(
                "cannot note a webhook working",
                "update users.webhook set failing_since = null where id = ? and failing_since is not null",
                webhookId);
    }

    @Override
    public void undelivered(UUID id, Integer statusCode, String error, Instant now, Instant next) {
        String outcome = next == null ? "status = 'failed'" : "next_attempt_at = ?";
        List<Object> parameters = new java.util.ArrayList<>();
        if (next != null) {
            parameters.add(next);
        }
        parameters.addAll(java.util.Arrays.asList(statusCode, error, now, id));
        new Sql(db)
                .update(
                        "cannot note a webhook delivery",
                        "update users.webhook_delivery set " + outcome + ", attempts = attempts + 1, status_code = ?,"
                                + " last_error = left(?, 1000), last_attempt_at = ?, claimed_until = null where id = ?",
                        parameters.toArray());
    }

    @Override
    public boolean failing(UUID webhookId, Instant now, Duration disableAfter) {
        Sql sql = new Sql(db);
        sql.update(
                "cannot note a webhook failing",
                "update users.webhook set failing_since = ? where id = ? and failing_since is null",
                now,
                webhookId);
        int disabled = sql.update(
                "cannot disable a failing webhook",
                "update users.webhook set enabled = false, disabled_at = ?, version = version + 1"
                        + " where id = ? and enabled and failing_since <= ?",
                now,
                webhookId,
                now.minus(disableAfter));
        if (disabled == 0) {
            return false;
        }
        sql.update(
                "cannot fail the deliveries of a disabled webhook",
                "update users.webhook_delivery set status = 'failed', claimed_until = null,"
                        + " last_error = 'the hook was disabled after failing for a day'"
                        + " where webhook_id = ? and status = 'pending'",
                webhookId);
        return true;
    }

    @Override
    public List<Delivery> latest(UUID webhookId, int max) {
        return new Sql(db)
                .list(
                        "cannot read webhook deliveries",
                        "select id, event, status, status_code, attempts, created_at, last_attempt_at, last_error"
                                + " from users.webhook_delivery where webhook_id = ? order by created_at desc limit ?",
                        JdbcWebhookDeliveries::delivery,
                        webhookId,
                        max);
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Timestamp last = rs.getTimestamp("last_attempt_at");
        return new Delivery(
                Sql.uuid(rs, "id"),
                rs.getString("event"),
                rs.getString("status"),
                rs.getObject("status_code", Integer.class),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                last == null ? null : last.toInstant(),
                rs.getString("last_error"));
    }

    @Override
    public long pending() {
        return new Sql(db)
                .first(
                        "cannot count the webhook deliveries waiting",
                        "select count(*) from users.webhook_delivery d join users.webhook w on w.id = d.webhook_id"
                                + " where d.status = 'pending' and w.enabled",
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public int purge(Instant before, int keep) {
        return new Sql(db)
                .update(
                        "cannot delete old webhook deliveries",
                        "delete from users.webhook_delivery d where d.status <> 'pending' and d.created_at < ?"
                                + " and d.id not in (select id from (select id, row_number() over (partition by"
                                + " webhook_id order by created_at desc) as n from users.webhook_delivery) latest"
                                + " where n <= ?)",
                        before,
                        keep);
    }
}
