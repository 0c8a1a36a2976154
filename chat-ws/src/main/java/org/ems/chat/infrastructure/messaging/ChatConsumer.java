package org.ems.chat.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.messaging.FanOutListener;

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
public class ChatConsumer extends FanOutListener implements MessageListener {

    @Inject
    Event<ChatDelivered> delivered;

    @Override
    protected void pass(TextMessage message) throws JMSException {
        delivered.fire(new ChatDelivered(
                uuid(message, ChatPublisher.CONVERSATION), uuid(message, ChatPublisher.ORIGIN), message.getText()));
    }
}
