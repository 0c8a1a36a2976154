package org.ems.monitoring.infrastructure.metrics;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.TemporaryQueue;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.monitoring.application.QueueDepths;

/**
 * The messages waiting in a queue, asked of the broker's management address (a request with the queue's resource
 * name and attribute, answered on a temporary queue) from its own counter, never by browsing: whether ingestion keeps
 * up ({@code ems.readings}), how many dead letters there are, wherever the broker runs.
 */
@ApplicationScoped
public class BrokerQueues implements QueueDepths {

    private static final Logger LOG = Logger.getLogger(BrokerQueues.class.getName());

    @Resource(lookup = BrokerConnection.CONNECTION_FACTORY)
    ConnectionFactory broker;

    /** Empty when the broker does not answer within a second. */
    @Override
    public OptionalLong waiting(String queue) {
        try (JMSContext jms = broker.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            TemporaryQueue replies = jms.createTemporaryQueue();
            // Deleted after use: the pool keeps the connection open, and its temporary queues with it.
            try (JMSConsumer answers = jms.createConsumer(replies)) {
                Message request = jms.createMessage();
                request.setStringProperty("_AMQ_ResourceName", "queue." + queue);
                request.setStringProperty("_AMQ_Attribute", "messageCount");
                jms.createProducer().setJMSReplyTo(replies).send(jms.createQueue("activemq.management"), request);
                Message reply = answers.receive(1_000);
                if (reply == null) {
                    return OptionalLong.empty();
                }
                // The answer is a JSON array holding the attribute's value: [1234]
                String body = reply.getBody(String.class).replaceAll("[\\[\\]\\s]", "");
                return OptionalLong.of(Long.parseLong(body));
            } finally {
                replies.delete();
            }
        } catch (JMSRuntimeException | jakarta.jms.JMSException | NumberFormatException e) {
            LOG.log(Level.FINE, "cannot ask the broker for the messages in " + queue, e);
            return OptionalLong.empty();
        }
    }
}
