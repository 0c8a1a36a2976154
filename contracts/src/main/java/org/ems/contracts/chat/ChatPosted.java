package org.ems.contracts.chat;

import java.time.Instant;
import java.util.UUID;

/**
 * CDI event, fired inside the transaction that stored a new chat message (not for a resend): who should hear of it
 * and is away may be mailed.
 *
 * @param conversationId the client's user id (every client has one conversation)
 * @param fromAdministrator whether an administrator wrote it (to the client), or the client (to the administrators)
 */
public record ChatPosted(
        UUID conversationId,
        UUID messageId,
        UUID senderId,
        String senderName,
        boolean fromAdministrator,
        String text,
        Instant sentAt) {}
