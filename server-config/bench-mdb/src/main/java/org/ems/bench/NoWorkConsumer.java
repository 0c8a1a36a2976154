package org.ems.bench;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.ems.contracts.messaging.BrokerConnection;

/**
 * Consumes {@value #QUEUE} as EMS's readings consumer consumes {@code ems.readings} (same adapter, same activation,
 * same transaction attribute, so the same acknowledgement per message) and does nothing with the text it reads.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "resourceAdapter",
                    propertyValue = BrokerConnection.RESOURCE_ADAPTER),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "destination", propertyValue = NoWorkConsumer.QUEUE),
            @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "64"),
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NoWorkConsumer implements MessageListener {

    /** The benchmark creates it when its phase starts (IngestBench); until then the adapter retries. */
    static final String QUEUE = "ems.bench.mdb";

    @Override
    public void onMessage(Message message) {
        try {
            if (message instanceof TextMessage text) {
                text.getText();
            }
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the message", e);
        }
    }
}
