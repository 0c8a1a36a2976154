package org.ems.chat.interfaces.wire;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ems.chat.application.ChatNews;
import org.ems.chat.domain.ChatMessage;
import org.ems.chat.domain.Conversation;
import org.ems.contracts.access.Caller;
import org.ems.contracts.platform.Jsonp;
import org.ems.contracts.user.Person;

/** The JSON of the chat's protocol (docs/websockets.md, "/ws/chat"), for the socket, the topic and the REST API. */
public final class ChatFrames {

    private ChatFrames() {}

    /** The frame that tells the people of a conversation what happened in it. */
    public static JsonObject of(UUID conversationId, ChatNews.Content content) {
        if (content instanceof ChatNews.Message m) {
            return message(m.message());
        }
        if (content instanceof ChatNews.Read r) {
            return read(conversationId, r.upTo(), r.by(), r.at());
        }
        return typing(conversationId, ((ChatNews.Typing) content).from());
    }

    public static JsonObject message(ChatMessage m) {
        JsonObjectBuilder json = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", "message")
                .add("id", m.id().toString())
                .add("conversationId", m.conversationId().toString())
                .add("from", person(m.from()))
                .add("text", m.text())
                .add("sentAt", m.sentAt().toString());
        if (m.alert() != null) {
            try (var reader = Jsonp.PROVIDER.createReader(new StringReader(m.alert()))) {
                json.add("alert", reader.readObject());
            }
        }
        return json.build();
    }

    public static JsonObject ack(UUID clientMsgId, ChatMessage m) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", "ack")
                .add("clientMsgId", clientMsgId.toString())
                .add("id", m.id().toString())
                .add("sentAt", m.sentAt().toString())
                .build();
    }

    public static JsonObject typing(UUID conversationId, Caller from) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", "typing")
                .add("conversationId", conversationId.toString())
                .add("from", person(from))
                .build();
    }

    public static JsonObject read(UUID conversationId, UUID upTo, Caller by, Instant at) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", "read")
                .add("conversationId", conversationId.toString())
                .add("upTo", upTo.toString())
                .add("by", person(by))
                .add("at", at.toString())
                .build();
    }

    public static JsonObject presence(List<Caller> admins) {
        JsonArrayBuilder online = Jsonp.PROVIDER.createArrayBuilder();
        admins.forEach(a -> online.add(Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", a.userId().toString())
                .add("username", a.username())));
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", "presence")
                .add("admins", online)
                .build();
    }

    public static JsonObject error(String code, String message) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("type", "error")
                .add("code", code)
                .add("message", message)
                .build();
    }

    /** A conversation of {@code GET /api/chat/conversations}. */
    public static JsonObject conversation(Conversation c, Person client) {
        JsonObjectBuilder json = Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", c.id().toString())
                .add(
                        "client",
                        Jsonp.PROVIDER
                                .createObjectBuilder()
                                .add("id", client.id().toString())
                                .add("username", client.username())
                                .add("name", client.name()))
                .add("unread", c.unread());
        nullable(json, "lastMessageAt", c.lastMessageAt());
        nullable(json, "clientReadUpTo", c.clientReadUpTo());
        nullable(json, "adminsReadUpTo", c.adminsReadUpTo());
        return json.build();
    }

    private static void nullable(JsonObjectBuilder json, String name, Object value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value.toString());
        }
    }

    private static JsonObject person(Caller caller) {
        return Jsonp.PROVIDER
                .createObjectBuilder()
                .add("id", caller.userId().toString())
                .add("username", caller.username())
                .add("role", caller.role())
                .build();
    }
}
