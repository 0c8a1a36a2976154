package org.ems.web.infrastructure.messaging;

import java.util.UUID;

/**
 * Chat news from {@code ems.chat}, for this instance's {@code /ws/chat} connections (see the chat module's
 * {@code ChatNews}: the same fields).
 */
public record ChatDelivered(UUID conversationId, UUID origin, String frame) {

    public boolean isPresence() {
        return conversationId == null;
    }
}
