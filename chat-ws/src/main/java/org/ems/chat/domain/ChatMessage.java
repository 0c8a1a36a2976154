package org.ems.chat.domain;

import java.time.Instant;
import java.util.UUID;
import org.ems.contracts.access.Caller;

/**
 * A stored message of a conversation (whose id is its client's user id).
 *
 * @param alert the JSON of the alert the client asked about, as it was when attached; null when none
 */
public record ChatMessage(UUID id, UUID conversationId, Caller from, String text, Instant sentAt, String alert) {}
