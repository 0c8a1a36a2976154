package org.ems.chat.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import org.ems.chat.application.ChatNews;
import org.ems.chat.interfaces.wire.ChatFrames;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;

/**
 * Publishes chat news on {@code ems.chat}, in the transaction that stored it (sent when it commits), so that every
 * instance passes it to the connections it holds.
 */
@ApplicationScoped
public class ChatPublisher {

    /** Message property: the conversation (absent: presence changed). */
    public static final String CONVERSATION = "ems_conversation";

    /** Message property: the connection that caused it, which is not told. */
    public static final String ORIGIN = "ems_origin";

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    void publish(@Observes ChatNews news) {
        JMSProducer producer = jms.createProducer();
        if (!news.isPresence()) {
            producer.setProperty(CONVERSATION, news.conversationId().toString());
        }
        if (news.origin() != null) {
            producer.setProperty(ORIGIN, news.origin().toString());
        }
        producer.send(
                jms.createTopic(Destinations.CHAT),
                news.isPresence()
                        ? ""
                        : ChatFrames.of(news.conversationId(), news.content()).toString());
    }
}
