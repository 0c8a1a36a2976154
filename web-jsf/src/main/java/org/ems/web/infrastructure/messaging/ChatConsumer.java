package org.ems.web.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.logging.Logger;
import org.ems.chat.infrastructure.messaging.ChatPublisher;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;

/**
 * Consumes {@code ems.chat} and hands each piece of news to this instance's chat sockets ({@link ChatDelivered}). A
 * non-durable subscription of one session per instance, in order: every instance gets each message once, in the order
 * they were published. Nothing is lost while an instance is down: the messages are stored, and a connection loads
 * them when it opens.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "resourceAdapter",
                    propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.CHAT),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ChatConsumer.class.getName());

    @Inject
    Event<ChatDelivered> delivered;

    @Override
    public void onMessage(Message message) {
        try {
            delivered.fire(new ChatDelivered(
                    uuid(message.getStringProperty(ChatPublisher.CONVERSATION)),
                    uuid(message.getStringProperty(ChatPublisher.ORIGIN)),
                    ((TextMessage) message).getText()));
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Cannot pass on chat news: " + e);
        }
    }

    private static UUID uuid(String text) {
        return text == null ? null : UUID.fromString(text);
    }
}
