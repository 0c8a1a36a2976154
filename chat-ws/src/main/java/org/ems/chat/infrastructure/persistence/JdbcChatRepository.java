package org.ems.chat.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.chat.domain.ChatMessage;
import org.ems.chat.domain.ChatRepository;
import org.ems.chat.domain.Conversation;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;

/** The {@code chat} schema: conversations with each side's read mark, messages, administrators' open connections. */
@ApplicationScoped
public class JdbcChatRepository implements ChatRepository {

    private static final String MESSAGE_COLUMNS =
            "m.id, m.conversation_id, m.sender_id, m.sender_username, m.sender_role, m.text, m.sent_at, m.alert";

    /** A conversation for one side (parameter 1: the side, ADMIN or CLIENT), with the other side's messages unread. */
    private static final String CONVERSATION = "select c.id, c.last_message_at, c.client_read_up_to,"
            + " c.admins_read_up_to, (select count(*) from chat.message m where m.conversation_id = c.id"
            + " and m.sender_role <> ? and m.seq > (case when ? = 'ADMIN' then c.admins_read_seq"
            + " else c.client_read_seq end)) from chat.conversation c";

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public void ensureConversation(UUID clientId) {
        sql().update(
                        "cannot open a conversation",
                        "insert into chat.conversation (id) values (?) on conflict (id) do nothing",
                        clientId);
    }

    @Override
    public Stored store(ChatMessage message, UUID clientMsgId) {
        String failure = "cannot store a chat message";
        int inserted = sql().update(
                        failure,
                        "insert into chat.message (id, conversation_id, sender_id, sender_username, sender_role, client_msg_id,"
                                + " text, alert, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (sender_id, client_msg_id) do nothing",
                        message.id(),
                        message.conversationId(),
                        message.from().userId(),
                        message.from().username(),
                        message.from().role(),
                        clientMsgId,
                        message.text(),
                        message.alert(),
                        message.sentAt());
        if (inserted == 1) {
            sql().update(
                            failure,
                            "update chat.conversation set last_message_at = ? where id = ?",
                            message.sentAt(),
                            message.conversationId());
            return new Stored(message, true);
        }
        // sent before (a resend after a reconnect): the message as it was stored
        return new Stored(
                sql().first(
                                failure,
                                "select " + MESSAGE_COLUMNS
                                        + " from chat.message m where m.sender_id = ? and m.client_msg_id = ?",
                                JdbcChatRepository::message,
                                message.from().userId(),
                                clientMsgId)
                        .orElseThrow(),
                false);
    }

    @Override
    public Optional<Conversation> conversation(UUID id, String side) {
        return conversations(CONVERSATION + " where c.id = ?", side, id).stream()
                .findFirst();
    }

    @Override
    public List<Conversation> conversationsForAdmins(int limit) {
        return conversations(
                CONVERSATION + " where c.last_message_at is not null order by c.last_message_at desc limit ?",
                Roles.ADMIN,
                limit);
    }

    @Override
    public List<ChatMessage> messages(UUID conversationId, UUID before, int limit) {
        return sql().list(
                        "cannot read chat messages",
                        "select * from (select " + MESSAGE_COLUMNS + ", m.seq"
                                + " from chat.message m where m.conversation_id = ? and (?::uuid is null or m.seq <"
                                + " (select b.seq from chat.message b where b.id = ?::uuid and b.conversation_id = ?))"
                                + " order by m.seq desc limit ?) page order by seq",
                        JdbcChatRepository::message,
                        conversationId,
                        before,
                        before,
                        conversationId,
                        limit);
    }

    @Override
    public boolean markRead(UUID conversationId, String side, UUID upTo) {
        String mark = Roles.ADMIN.equals(side) ? "admins" : "client";
        return sql().update(
                                "cannot mark the conversation read",
                                "update chat.conversation c set " + mark + "_read_up_to = case when m.seq > c." + mark
                                        + "_read_seq then m.id else c." + mark + "_read_up_to end, " + mark
                                        + "_read_seq = greatest(c." + mark + "_read_seq, m.seq) from chat.message m"
                                        + " where c.id = ? and m.id = ? and m.conversation_id = c.id",
                                conversationId,
                                upTo)
                == 1;
    }

    @Override
    public void deleteConversation(UUID clientId) {
        sql().update("cannot delete a conversation", "delete from chat.conversation where id = ?", clientId);
    }

    @Override
    public void anonymise(UUID userId, String alias) {
        sql().update(
                        "cannot anonymise a user's messages",
                        "update chat.message set sender_username = ? where sender_id = ?",
                        alias,
                        userId);
        sql().update("cannot forget a user's presence", "delete from chat.presence where user_id = ?", userId);
    }

    @Override
    public void present(UUID connection, Caller admin, Instant now) {
        sql().update(
                        "cannot note who is online",
                        "insert into chat.presence (connection_id, user_id, username, seen_at) values (?, ?, ?, ?)"
                                + " on conflict (connection_id) do update set seen_at = excluded.seen_at",
                        connection,
                        admin.userId(),
                        admin.username(),
                        now);
    }

    @Override
    public void absent(UUID connection) {
        sql().update("cannot note who is online", "delete from chat.presence where connection_id = ?", connection);
    }

    @Override
    public void seen(Collection<UUID> connections, Instant now) {
        sql().update(
                        "cannot note who is online",
                        "update chat.presence set seen_at = ? where connection_id = any(?::uuid[])",
                        now,
                        connections);
    }

    @Override
    public List<Caller> onlineAdmins(Instant since) {
        return sql().list(
                        "cannot read who is online",
                        "select distinct user_id, username from chat.presence where seen_at >= ? order by username",
                        rs -> new Caller(Sql.uuid(rs, 1), rs.getString(2), Roles.ADMIN),
                        since);
    }

    /** The conversations {@code query} selects for {@code side}; {@code more}: its parameters after the side's two. */
    private List<Conversation> conversations(String query, String side, Object more) {
        return sql().list(
                        "cannot read conversations",
                        query,
                        rs -> {
                            Timestamp last = rs.getTimestamp(2);
                            return new Conversation(
                                    Sql.uuid(rs, 1),
                                    last == null ? null : last.toInstant(),
                                    rs.getLong(5),
                                    Sql.uuid(rs, 3),
                                    Sql.uuid(rs, 4));
                        },
                        side,
                        side,
                        more);
    }

    private static ChatMessage message(ResultSet rs) throws SQLException {
        return new ChatMessage(
                Sql.uuid(rs, 1),
                Sql.uuid(rs, 2),
                new Caller(Sql.uuid(rs, 3), rs.getString(4), rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8));
    }

    private Sql sql() {
        return new Sql(db);
    }
}
