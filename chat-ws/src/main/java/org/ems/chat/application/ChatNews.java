package org.ems.chat.application;

import java.util.UUID;

/**
 * Something every instance passes on to its {@code /ws/chat} connections: a frame for the people of one
 * conversation (its client and every administrator), but not the connection it came from; or, with no conversation,
 * a change of who is online (each instance then reads who is).
 *
 * @param conversationId the conversation (its client's id); null for presence
 * @param origin the connection that caused it (it gets an {@code ack} instead, or nothing); null when none
 * @param frame the JSON frame; null for presence
 */
public record ChatNews(UUID conversationId, UUID origin, String frame) {

    public static ChatNews presenceChanged() {
        return new ChatNews(null, null, null);
    }

    public boolean isPresence() {
        return conversationId == null;
    }
}
