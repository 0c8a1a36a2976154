package org.ems.users.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.users.domain.HeldNotifications;
import org.ems.users.domain.MailList;
import org.ems.users.domain.Notice;

/** Held notifications in {@code users.held_notification}, in the caller's transaction. */
@ApplicationScoped
public class JdbcHeldNotifications implements HeldNotifications {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public void hold(UUID id, String cause, UUID userId, MailList list, Notice notice, Instant now, Instant releaseAt) {
        new Sql(db)
                .update(
                        "cannot hold a notification",
                        "insert into users.held_notification (id, cause, user_id, list, subject, text_body, created_at,"
                                + " release_at) select ?, ?, ?, ?, ?, ?, ?, ? where not exists"
                                + " (select 1 from users.mail_outbox where cause = ?) on conflict (cause) do nothing",
                        id,
                        cause,
                        userId,
                        list.id(),
                        notice.subject(),
                        notice.text(),
                        now,
                        releaseAt,
                        cause);
    }

    @Override
    public boolean withdraw(String cause) {
        Sql sql = new Sql(db);
        sql.update(
                "cannot drop a held notification",
                "delete from users.held_notification where cause = ? and released_at is null",
                cause);
        return sql.first(
                        "cannot read a held notification",
                        "select 1 from users.held_notification where cause = ?",
                        rs -> true,
                        cause)
                .isPresent();
    }

    @Override
    public List<UUID> due(Instant now, int max) {
        return new Sql(db)
                .list(
                        "cannot find the notifications due",
                        "select distinct user_id from users.held_notification where released_at is null"
                                + " and release_at <= ? limit ?",
                        rs -> Sql.uuid(rs, 1),
                        now,
                        max);
    }

    @Override
    public List<Held> release(UUID userId, Instant now) {
        // the update locks the rows; a concurrent release waits, then finds them released and returns nothing
        return new Sql(db)
                        .list(
                                "cannot release held notifications",
                                "update users.held_notification set released_at = ? where user_id = ? and released_at is null"
                                        + " and release_at <= ? returning id, list, subject, text_body, created_at",
                                rs -> new Held(
                                        Sql.uuid(rs, "id"),
                                        MailList.of(rs.getString("list")).orElseThrow(),
                                        new Notice(rs.getString("subject"), rs.getString("text_body")),
                                        rs.getTimestamp("created_at").toInstant()),
                                now,
                                userId,
                                now)
                        .stream()
                        .sorted(java.util.Comparator.comparing(Held::createdAt))
                        .toList();
    }

    @Override
    public void retime(UUID userId, Instant releaseAt) {
        new Sql(db)
                .update(
                        "cannot retime held notifications",
                        "update users.held_notification set release_at = ? where user_id = ? and released_at is null",
                        releaseAt,
                        userId);
    }

    @Override
    public long held() {
        return new Sql(db)
                .first(
                        "cannot count the held notifications",
                        "select count(*) from users.held_notification where released_at is null",
                        rs -> rs.getLong(1))
                .orElse(0L);
    }

    @Override
    public int purge(Instant releasedBefore) {
        return new Sql(db)
                .update(
                        "cannot delete released notifications",
                        "delete from users.held_notification where released_at < ?",
                        releasedBefore);
    }
}
