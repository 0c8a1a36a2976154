package org.ems.simulator.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.jms.ActiveMQJMSConstants;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.ems.simulator.client.BrokerManagement;

/**
 * A durable queue of the benchmark's own on EMS's broker (its configuration, its journal), which the application's
 * broker account creates and removes: what the broker alone sustains, with consumers that do what the adapter does
 * for an MDB (one session each, every message acknowledged on its own) and nothing else; or what an MDB that does
 * no work sustains (the bench's deployment {@code bench/no-work-mdb.war} consumes {@value #MDB_QUEUE}), its
 * acknowledgements counted by the broker.
 */
public final class BrokerCeiling implements AutoCloseable {

    /** What the single-reading phase is judged against. */
    enum Kind {
        BROKER_ALONE("the broker alone (" + IngestBench.EMS_SESSIONS + " consumers acknowledging each message)"),
        NO_WORK_MDB("an MDB that does no work (" + IngestBench.EMS_SESSIONS
                + " sessions, through EMS's adapter in its Payara)"),
        LOAD_ALONE("the load generator alone (no consumers)");

        final String description;

        Kind(String description) {
            this.description = description;
        }
    }

    static final String QUEUE = "ems.bench.ceiling";

    /** The queue NoWorkConsumer (module bench-mdb) consumes. */
    static final String MDB_QUEUE = "ems.bench.mdb";

    private final String queue;
    private final String url;
    private final String user;
    private final String password;
    private final ServerLocator locator;
    private final ClientSessionFactory factory;
    private Connection consumers;
    private Thread watcher;

    /** Messages the queue's consumers acknowledged, as the broker counts them (after {@link #watch()}). */
    final AtomicLong consumed = new AtomicLong();

    BrokerCeiling(String url, String user, String password, String queue) throws Exception {
        this.queue = queue;
        this.url = url;
        this.user = user;
        this.password = password;
        locator = ActiveMQClient.createServerLocator(url);
        factory = locator.createSessionFactory();
        try (ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            // Marked auto-created, so the broker removes the address with its queue.
            session.createAddress(SimpleString.of(queue), EnumSet.of(RoutingType.ANYCAST), true);
            session.createQueue(QueueConfiguration.of(queue)
                    .setRoutingType(RoutingType.ANYCAST)
                    .setDurable(true));
        }
    }

    /** Starts {@code sessions} consumers, each acknowledging every message on its own. */
    void consume(int sessions) throws JMSException {
        consumers = new ActiveMQConnectionFactory(url, user, password).createConnection();
        for (int i = 0; i < sessions; i++) {
            Session session = consumers.createSession(false, ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE);
            session.createConsumer(session.createQueue(queue)).setMessageListener(message -> {
                try {
                    message.acknowledge();
                } catch (JMSException e) {
                    throw new IllegalStateException("cannot acknowledge", e);
                }
            });
        }
        consumers.start();
    }

    /**
     * Counts the acknowledgements of the queue's consumers, ours or the MDB's alike, asking the broker every 50 ms.
     */
    void watch() throws Exception {
        ClientSession session = factory.createSession(user, password, false, true, true, false, 0);
        ClientRequestor requestor = new ClientRequestor(session, "activemq.management");
        session.start();
        watcher = new Thread(
                () -> {
                    try (session;
                            requestor) {
                        while (!Thread.currentThread().isInterrupted()) {
                            consumed.set(
                                    BrokerManagement.queueAttribute(session, requestor, queue, "messagesAcknowledged"));
                            Thread.sleep(50);
                        }
                    } catch (InterruptedException stopped) {
                        // the phase is over
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot ask the broker about " + queue, e);
                    }
                },
                "acknowledgements-of-" + queue);
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Removes the queue with whatever it still holds; the MDB's stays (empty) while the MDB is attached to it. */
    @Override
    public void close() throws Exception {
        if (consumers != null) {
            consumers.close();
        }
        if (watcher != null) {
            watcher.interrupt();
            watcher.join();
        }
        try (ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            if (!queue.equals(MDB_QUEUE)) { // the broker removes no queue that has consumers
                session.deleteQueue(queue);
            }
        } finally {
            factory.close();
            locator.close();
        }
    }
}
