package org.ems.chat.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A client's support conversation as one side sees it.
 *
 * @param lastMessageAt null before the first message
 * @param unread the messages of the other side after this side's read mark
 * @param clientReadUpTo the last message the client read (null: none)
 * @param adminsReadUpTo the last message any administrator read (they share one mark)
 */
public record Conversation(UUID id, Instant lastMessageAt, long unread, UUID clientReadUpTo, UUID adminsReadUpTo) {}
