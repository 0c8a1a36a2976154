package org.ems.chat.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ems.chat.domain.ChatMessage;
import org.ems.chat.domain.ChatRepository;
import org.ems.chat.domain.Conversation;
import org.ems.chat.domain.MessageText;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Rejected;
import org.ems.contracts.access.Roles;
import org.ems.contracts.alert.AlertDirectory;
import org.ems.contracts.chat.ChatPosted;
import org.ems.contracts.user.Person;
import org.ems.contracts.user.UserDeleted;
import org.ems.contracts.user.UserDirectory;
import org.ems.contracts.user.UserErased;

/**
 * The support chat: every client has one conversation (its id is theirs), which every administrator may read and
 * answer. A message is stored before anyone hears of it, once per sender and {@code clientMsgId}; what happened goes
 * to every instance as {@link ChatNews} in the same transaction. Every rule of who may see or do what is here.
 */
@Stateless
public class ChatService {

    /** A message page of the history: at most this many. */
    public static final int MAX_PAGE = 100;

    /** An administrator's connection not seen for this long is taken for gone (its instance stopped). */
    static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(30);

    private static final int INBOX_SIZE = 500;

    @Inject
    ChatRepository chat;

    @Inject
    UserDirectory users;

    @Inject
    AlertDirectory alerts;

    @Inject
    Event<ChatNews> news;

    @Inject
    Event<ChatPosted> posted;

    /** A sent message as stored, and whether this send stored it (false: a resend of a stored one). */
    public record Sent(ChatMessage message, boolean isNew) {}

    /**
     * Stores a message of the caller in a conversation (a client's own when {@code conversationId} is null) and tells
     * everyone else of it; a resend of a stored {@code clientMsgId} gets the stored message and tells no one again.
     *
     * @param alertId an alert the caller may see, to ask about (a client: of a device they own now); may be null
     * @param origin the sending connection, which is not told (it gets the acknowledgement)
     */
    public Sent send(Caller caller, UUID conversationId, UUID clientMsgId, String text, UUID alertId, UUID origin) {
        UUID conversation = conversationOf(caller, conversationId);
        String violation = MessageText.violation(text);
        if (violation != null) {
            throw Rejected.invalid("text", violation);
        }
        String alert = alertId == null
                ? null
                : alerts.find(alertId, caller)
                        .orElseThrow(() -> Rejected.notFound("no such alert of yours"))
                        .toJson();
        ChatMessage message = new ChatMessage(
                UUID.randomUUID(),
                conversation,
                caller,
                text,
                Instant.now().truncatedTo(ChronoUnit.MICROS), // as the database keeps it: a resend's ack is equal
                alert);
        chat.ensureConversation(conversation); // its first message creates it
        ChatRepository.Stored stored = chat.store(message, clientMsgId);
        if (stored.isNew()) {
            // the sender has read what they answer
            chat.markRead(conversation, side(caller), stored.message().id());
            news.fire(new ChatNews(conversation, origin, new ChatNews.Message(stored.message())));
            posted.fire(new ChatPosted(
                    conversation,
                    stored.message().id(),
                    caller.userId(),
                    caller.username(),
                    caller.isAdmin(),
                    text,
                    stored.message().sentAt()));
        }
        return new Sent(stored.message(), stored.isNew());
    }

    /** The caller's side has read the conversation up to the message; the others are told. */
    public void read(Caller caller, UUID conversationId, UUID upTo, UUID origin) {
        UUID conversation = conversationOf(caller, conversationId);
        if (!chat.markRead(conversation, side(caller), upTo)) {
            throw Rejected.notFound("no such message in the conversation");
        }
        news.fire(new ChatNews(conversation, origin, new ChatNews.Read(upTo, caller, Instant.now())));
    }

    /** The caller is typing in the conversation: the others are told (nothing is stored). */
    public void typing(Caller caller, UUID conversationId, UUID origin) {
        UUID conversation = conversationOf(caller, conversationId);
        news.fire(new ChatNews(conversation, origin, new ChatNews.Typing(caller)));
    }

    /** An administrator's inbox (conversations with messages, newest activity first); a client's own. */
    public List<Conversation> conversations(Caller caller) {
        if (caller.isAdmin()) {
            return chat.conversationsForAdmins(INBOX_SIZE);
        }
        // before her first message a client's conversation is there, empty, without being stored
        return List.of(chat.conversation(caller.userId(), Roles.CLIENT)
                .orElse(new Conversation(caller.userId(), null, 0, null, null)));
    }

    /** The clients of these conversations, by id. */
    public Map<UUID, Person> clients(Collection<Conversation> conversations) {
        return users.people(conversations.stream().map(Conversation::id).collect(Collectors.toSet()));
    }

    /** A page of a conversation's history: the messages before {@code before} (null: the latest), newest last. */
    public List<ChatMessage> messages(Caller caller, UUID conversationId, UUID before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw Rejected.invalid("limit", "limit must be 1 to " + MAX_PAGE);
        }
        return chat.messages(conversationOf(caller, conversationId), before, limit);
    }

    /** A {@code /ws/chat} connection opened: an administrator's counts as online, everywhere. */
    public void connected(Caller caller, UUID connection) {
        if (caller.isAdmin()) {
            chat.present(connection, caller, Instant.now());
            news.fire(ChatNews.presenceChanged());
        }
    }

    public void disconnected(Caller caller, UUID connection) {
        if (caller.isAdmin()) {
            chat.absent(connection);
            news.fire(ChatNews.presenceChanged());
        }
    }

    /** These connections of this instance are still open. */
    public void stillConnected(Set<UUID> connections) {
        if (!connections.isEmpty()) {
            chat.seen(connections, Instant.now());
        }
    }

    /** The administrators online on any instance. */
    public List<Caller> onlineAdmins() {
        return chat.onlineAdmins(Instant.now().minus(PRESENCE_TIMEOUT));
    }

    /** A deleted client's conversation goes with them. */
    public void onUserDeleted(@Observes UserDeleted deleted) {
        chat.deleteConversation(deleted.userId());
    }

    /** An erased administrator's messages to clients stay (the clients' record), without their name. */
    public void onUserErased(@Observes UserErased erased) {
        chat.anonymise(erased.userId(), erased.alias());
    }

    /**
     * The conversation the caller names, if they may see it: a client only their own (null names it); an
     * administrator must name one, of a client who exists.
     */
    private UUID conversationOf(Caller caller, UUID asked) {
        if (!caller.isAdmin()) {
            if (asked != null && !asked.equals(caller.userId())) {
                throw Rejected.notFound("no such conversation");
            }
            return caller.userId();
        }
        if (asked == null) {
            throw Rejected.invalid("conversationId", "conversationId is required");
        }
        Person client = users.people(Set.of(asked)).get(asked);
        if (client == null || !Roles.CLIENT.equals(client.role())) {
            throw Rejected.notFound("no such conversation");
        }
        return asked;
    }

    private static String side(Caller caller) {
        return caller.isAdmin() ? Roles.ADMIN : Roles.CLIENT;
    }
}
