package org.ems.chat.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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
        update(
                "insert into chat.conversation (id) values (?) on conflict (id) do nothing",
                s -> s.setObject(1, clientId));
    }

    @Override
    public Stored store(ChatMessage message, UUID clientMsgId) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into chat.message (id, conversation_id, sender_id,"
                    + " sender_username, sender_role, client_msg_id, text, alert, sent_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (sender_id, client_msg_id) do nothing")) {
                s.setObject(1, message.id());
                s.setObject(2, message.conversationId());
                s.setObject(3, message.from().userId());
                s.setString(4, message.from().username());
                s.setString(5, message.from().role());
                s.setObject(6, clientMsgId);
                s.setString(7, message.text());
                s.setString(8, message.alert());
                s.setTimestamp(9, Timestamp.from(message.sentAt()));
                if (s.executeUpdate() == 1) {
                    try (PreparedStatement last =
                            c.prepareStatement("update chat.conversation set last_message_at = ? where id = ?")) {
                        last.setTimestamp(1, Timestamp.from(message.sentAt()));
                        last.setObject(2, message.conversationId());
                        last.executeUpdate();
                    }
                    return new Stored(message, true);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select " + MESSAGE_COLUMNS
                    + " from chat.message m where m.sender_id = ? and m.client_msg_id = ?")) {
                s.setObject(1, message.from().userId());
                s.setObject(2, clientMsgId);
                return new Stored(messages(s).get(0), false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a chat message", e);
        }
    }

    @Override
    public Optional<Conversation> conversation(UUID id, String side) {
        return conversations(CONVERSATION + " where c.id = ?", side, s -> s.setObject(3, id)).stream()
                .findFirst();
    }

    @Override
    public List<Conversation> conversationsForAdmins(int limit) {
        return conversations(
                CONVERSATION + " where c.last_message_at is not null order by c.last_message_at desc limit ?",
                Roles.ADMIN,
                s -> s.setInt(3, limit));
    }

    @Override
    public List<ChatMessage> messages(UUID conversationId, UUID before, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select * from (select " + MESSAGE_COLUMNS + ", m.seq"
                        + " from chat.message m where m.conversation_id = ? and (?::uuid is null or m.seq <"
                        + " (select b.seq from chat.message b where b.id = ?::uuid and b.conversation_id = ?))"
                        + " order by m.seq desc limit ?) page order by seq")) {
            s.setObject(1, conversationId);
            s.setObject(2, before);
            s.setObject(3, before);
            s.setObject(4, conversationId);
            s.setInt(5, limit);
            return messages(s);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read chat messages", e);
        }
    }

    @Override
    public boolean markRead(UUID conversationId, String side, UUID upTo) {
        String mark = Roles.ADMIN.equals(side) ? "admins" : "client";
        int found = update(
                "update chat.conversation c set " + mark + "_read_up_to = case when m.seq > c." + mark + "_read_seq"
                        + " then m.id else c." + mark + "_read_up_to end, " + mark + "_read_seq = greatest(c." + mark
                        + "_read_seq, m.seq) from chat.message m where c.id = ? and m.id = ? and m.conversation_id = c.id",
                s -> {
                    s.setObject(1, conversationId);
                    s.setObject(2, upTo);
                });
        return found == 1;
    }

    @Override
    public void deleteConversation(UUID clientId) {
        update("delete from chat.conversation where id = ?", s -> s.setObject(1, clientId));
    }

    @Override
    public void present(UUID connection, Caller admin, Instant now) {
        update(
                "insert into chat.presence (connection_id, user_id, username, seen_at) values (?, ?, ?, ?)"
                        + " on conflict (connection_id) do update set seen_at = excluded.seen_at",
                s -> {
                    s.setObject(1, connection);
                    s.setObject(2, admin.userId());
                    s.setString(3, admin.username());
                    s.setTimestamp(4, Timestamp.from(now));
                });
    }

    @Override
    public void absent(UUID connection) {
        update("delete from chat.presence where connection_id = ?", s -> s.setObject(1, connection));
    }

    @Override
    public void seen(Collection<UUID> connections, Instant now) {
        update("update chat.presence set seen_at = ? where connection_id = any(?)", s -> {
            s.setTimestamp(1, Timestamp.from(now));
            s.setArray(2, s.getConnection().createArrayOf("uuid", connections.toArray()));
        });
    }

    @Override
    public List<Caller> onlineAdmins(Instant since) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select distinct user_id, username from chat.presence"
                        + " where seen_at >= ? order by username")) {
            s.setTimestamp(1, Timestamp.from(since));
            List<Caller> admins = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    admins.add(new Caller(rs.getObject(1, UUID.class), rs.getString(2), Roles.ADMIN));
                }
            }
            return admins;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read who is online", e);
        }
    }

    private List<Conversation> conversations(String sql, String side, Binder more) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, side);
            s.setString(2, side);
            more.bind(s);
            List<Conversation> list = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(2);
                    list.add(new Conversation(
                            rs.getObject(1, UUID.class),
                            last == null ? null : last.toInstant(),
                            rs.getLong(5),
                            rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class)));
                }
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read conversations", e);
        }
    }

    private static List<ChatMessage> messages(PreparedStatement s) throws SQLException {
        List<ChatMessage> list = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                list.add(new ChatMessage(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        new Caller(rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8)));
            }
        }
        return list;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change the chat", e);
        }
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }
}
