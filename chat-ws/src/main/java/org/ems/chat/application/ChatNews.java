package org.ems.chat.application;

import java.time.Instant;
import java.util.UUID;
import org.ems.chat.domain.ChatMessage;
import org.ems.contracts.access.Caller;

/**
 * Something every instance passes on to its {@code /ws/chat} connections: news for the people of one conversation
 * (its client and every administrator), but not the connection it came from; or, with no conversation, a change of
 * who is online (each instance then reads who is).
 *
 * @param conversationId the conversation (its client's id); null for presence
 * @param origin the connection that caused it (it gets an {@code ack} instead, or nothing); null when none
 * @param content what happened in the conversation; null for presence
 */
public record ChatNews(UUID conversationId, UUID origin, Content content) {

    /** What happened in a conversation. */
    public sealed interface Content permits Message, Read, Typing {}

    /** A new message. */
    public record Message(ChatMessage message) implements Content {}

    /** {@code by}'s side has read the conversation up to the message {@code upTo}. */
    public record Read(UUID upTo, Caller by, Instant at) implements Content {}

    /** {@code from} is typing. */
    public record Typing(Caller from) implements Content {}

    public static ChatNews presenceChanged() {
        return new ChatNews(null, null, null);
    }

    public boolean isPresence() {
        return conversationId == null;
    }
}
