package org.ems.chat.interfaces.socket;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.ems.chat.application.ChatService;
import org.ems.chat.domain.FrameRate;
import org.ems.chat.domain.MessageText;
import org.ems.chat.infrastructure.messaging.ChatDelivered;
import org.ems.chat.interfaces.wire.ChatFrames;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.access.SignedInConnections;
import org.ems.contracts.access.SocketAdmission.Admitted;

/**
 * The open {@code /ws/chat} connections of this instance: reads their frames (docs/websockets.md), answers the
 * sender, and passes the news of every instance to the people of its conversation (the client, every administrator),
 * except the connection it came from.
 */
@ApplicationScoped
public class ChatSockets implements SignedInConnections {

    private static final Logger LOG = Logger.getLogger(ChatSockets.class.getName());

    /** An open connection: who, and its id (the origin of what it sends, a row of presence for administrators). */
    record Connection(Admitted signedIn, UUID id) {

        Caller caller() {
            return signedIn.caller();
        }
    }

    private final Map<Session, Connection> open = new ConcurrentHashMap<>();
    private final FrameRate sends = new FrameRate(FrameRate.SENDS);
    private final FrameRate notices = new FrameRate(FrameRate.NOTICES);
    private volatile List<Caller> online = List.of();

    @Inject
    ChatService chat;

    void opened(Admitted signedIn, Session session) {
        Connection connection = new Connection(signedIn, UUID.randomUUID());
        open.put(session, connection);
        chat.connected(signedIn.caller(), connection.id());
        send(session, ChatFrames.presence(chat.onlineAdmins()).toString());
    }

    void closed(Session session) {
        Connection connection = open.remove(session);
        if (connection != null) {
            chat.disconnected(connection.caller(), connection.id());
        }
    }

    /** A frame from a connection: answered with an {@code ack} or an {@code error}, or nothing (typing, read). */
    void received(Session session, String text) {
        Connection connection = open.get(session);
        if (connection == null) {
            return;
        }
        try {
            JsonObject frame = parse(text);
            Caller caller = connection.caller();
            UUID conversation = uuid(frame, "conversationId", false);
            switch (frame.getString("type", "")) {
                case "send" -> {
                    if (!sends.allow(caller.userId(), System.nanoTime())) {
                        send(session, error("rate_limited", "at most " + FrameRate.SENDS + " messages a second"));
                        return;
                    }
                    UUID clientMsgId = uuid(frame, "clientMsgId", true);
                    JsonValue body = frame.get("text");
                    if (!(body instanceof JsonString string)) {
                        throw Rejected.invalid("text", "text must be a string");
                    }
                    ChatService.Sent sent = chat.send(
                            caller,
                            conversation,
                            clientMsgId,
                            string.getString(),
                            uuid(frame, "alertId", false),
                            connection.id());
                    send(session, ChatFrames.ack(clientMsgId, sent.message()).toString());
                }
                case "typing" -> {
                    if (notices.allow(caller.userId(), System.nanoTime())) {
                        chat.typing(caller, conversation, connection.id());
                    }
                }
                case "read" -> {
                    if (notices.allow(caller.userId(), System.nanoTime())) {
                        chat.read(caller, conversation, uuid(frame, "upTo", true), connection.id());
                    }
                }
                default -> throw Rejected.invalid("type", "type must be send, typing or read");
            }
        } catch (Rejected rejected) {
            send(session, error(code(rejected), rejected.getMessage()));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Chat frame failed: " + e);
            send(session, error("bad_request", "the frame could not be handled"));
        }
    }

    /** News of any instance: to the connections of its conversation's people, or (presence) who is online. */
    void deliver(@Observes ChatDelivered news) {
        if (news.isPresence()) {
            List<Caller> now = chat.onlineAdmins();
            if (!now.equals(online)) {
                online = now;
                String frame = ChatFrames.presence(now).toString();
                open.keySet().forEach(session -> send(session, frame));
            }
            return;
        }
        open.forEach((session, connection) -> {
            Caller caller = connection.caller();
            if ((caller.isAdmin() || caller.userId().equals(news.conversationId()))
                    && !connection.id().equals(news.origin())) {
                send(session, news.frame());
            }
        });
    }

    /** Keeps this instance's administrators online (their rows fresh), and says when who is online changed. */
    void beat() {
        chat.stillConnected(open.values().stream().map(Connection::id).collect(Collectors.toSet()));
        sends.forgetIdle(System.nanoTime());
        notices.forgetIdle(System.nanoTime());
        deliver(new ChatDelivered(null, null, null));
    }

    /** How many are open. */
    public int count() {
        return open.size();
    }

    @Override
    public Set<UUID> signIns() {
        return open.values().stream().map(c -> c.signedIn().signIn()).collect(Collectors.toSet());
    }

    @Override
    public void end(UUID signIn) {
        open.forEach((session, connection) -> {
            if (connection.signedIn().signIn().equals(signIn)) {
                closed(session);
                try {
                    session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "signed out"));
                } catch (IOException gone) {
                    // closed already
                }
            }
        });
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException notAnObject) {
            throw Rejected.invalid("frame", "a frame must be a JSON object");
        }
    }

    private static UUID uuid(JsonObject frame, String name, boolean required) {
        JsonValue value = frame.get(name);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw Rejected.invalid(name, name + " is required");
            }
            return null;
        }
        try {
            return UUID.fromString(((JsonString) value).getString());
        } catch (ClassCastException | IllegalArgumentException e) {
            throw Rejected.invalid(name, name + " must be a UUID");
        }
    }

    private static String code(Rejected rejected) {
        if (rejected.reason() == Rejected.Reason.NOT_FOUND) {
            return "not_found";
        }
        return MessageText.TOO_LONG.equals(rejected.getMessage()) ? "too_long" : "bad_request";
    }

    private static String error(String code, String message) {
        return ChatFrames.error(code, message).toString();
    }

    /** One frame at a time per connection (the answer and pushed news come from different threads). */
    private static void send(Session session, String frame) {
        synchronized (session) {
            if (session.isOpen()) {
                try {
                    session.getBasicRemote().sendText(frame);
                } catch (IOException | IllegalStateException gone) {
                    // the connection is closing; its close event removes it
                }
            }
        }
    }
}
