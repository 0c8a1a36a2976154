package org.ems.chat.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.access.Caller;

/** The stored conversations, messages, read marks and online administrators. */
public interface ChatRepository {

    /** Creates the client's conversation unless it exists. */
    void ensureConversation(UUID clientId);

    /**
     * Stores the message unless its sender stored one with the same {@code clientMsgId}; returns what is stored
     * (the earlier message then) and whether it is new.
     */
    Stored store(ChatMessage message, UUID clientMsgId);

    record Stored(ChatMessage message, boolean isNew) {}

    /** The conversation as {@code side} sees it (ADMIN or CLIENT); empty when there is none. */
    Optional<Conversation> conversation(UUID id, String side);

    /** Conversations with at least one message, newest activity first, as administrators see them. */
    List<Conversation> conversationsForAdmins(int limit);

    /** The conversation's messages before {@code before} (all when null), at most {@code limit}, newest last. */
    List<ChatMessage> messages(UUID conversationId, UUID before, int limit);

    /** Moves {@code side}'s read mark forward to the message (never back); false when the message is not there. */
    boolean markRead(UUID conversationId, String side, UUID upTo);

    void deleteConversation(UUID clientId);

    /** The messages the user sent to others keep {@code alias} in place of their username; their presence goes. */
    void anonymise(UUID userId, String alias);

    /** An administrator's connection is open (or still open: seen now). */
    void present(UUID connection, Caller admin, Instant now);

    void absent(UUID connection);

    /** Marks these connections seen now. */
    void seen(Collection<UUID> connections, Instant now);

    /** The administrators with a connection seen since {@code since}, by username. */
    List<Caller> onlineAdmins(Instant since);
}
