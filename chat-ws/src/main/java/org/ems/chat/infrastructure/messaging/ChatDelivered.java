package org.ems.chat.infrastructure.messaging;

import java.util.UUID;

/**
 * Chat news from {@code ems.chat}, for this instance's {@code /ws/chat} connections (the {@code ChatNews} of some instance, its
 * content as the frame to send).
 */
public record ChatDelivered(UUID conversationId, UUID origin, String frame) {

    public boolean isPresence() {
        return conversationId == null;
    }
}
