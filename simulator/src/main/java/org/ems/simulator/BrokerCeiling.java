package org.ems.simulator;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A durable queue of the benchmark's own on EMS's broker (its configuration, its journal), which the application's
 * broker account creates and removes: what the broker alone sustains, with consumers that do what the adapter does
 * for an MDB (one session each, every message acknowledged on its own) and nothing else.
 */
final class BrokerCeiling implements AutoCloseable {

    static final String QUEUE = "ems.bench.ceiling";

    private final String url;
    private final String user;
    private final String password;
    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private Connection consumers;

    /** Consumed (acknowledged) messages since the queue was created. */
    final AtomicLong consumed = new AtomicLong();

    BrokerCeiling(String url, String user, String password) throws Exception {
        this.url = url;
        this.user = user;
        this.password = password;
        locator = ActiveMQClient.createServerLocator(url);
        factory = locator.createSessionFactory();
        try (ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            // Marked auto-created, so the broker removes the address with its queue.
            session.createAddress(SimpleString.of(QUEUE), EnumSet.of(RoutingType.ANYCAST), true);
            session.createQueue(QueueConfiguration.of(QUEUE)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        }
    }

    /** Starts {@code sessions} consumers, each acknowledging every message on its own. */
    void consume(int sessions) throws JMSException {
        consumers = new ActiveMQConnectionFactory(url, user, password).createConnection();
        for (int i = 0; i < sessions; i++) {
            Session session = consumers.createSession(false, ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(QUEUE)).setMessageListener(message -> {
                try {
                    message.acknowledge();
                    consumed.incrementAndGet();
                } catch (JMSException e) {
                    throw new IllegalStateException("cannot acknowledge", e);
                }
            });
        }
        consumers.start();
    }

    /** Removes the queue with whatever it still holds. */
    @Override
    public void close() throws Exception {
        if (consumers != null) {
            consumers.close();
        }
        try (ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            session.deleteQueue(QUEUE);
        } finally {
            factory.close();
            locator.close();
        }
    }
}
