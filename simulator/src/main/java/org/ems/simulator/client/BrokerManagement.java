package org.ems.simulator.client;

import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientMessage;
import org.apache.activemq.artemis.api.core.client.ClientRequestor;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.api.core.management.ManagementHelper;
import org.apache.activemq.artemis.api.core.management.ResourceNames;

/** Questions to the broker's management address about a queue (the account needs the {@code manage} permission). */
public final class BrokerManagement {

    private BrokerManagement() {}

    /** A numeric attribute of the queue, e.g. {@code messageCount}, {@code messagesAcknowledged}. */
    public static long queueAttribute(ClientSession session, ClientRequestor requestor, String queue, String attribute)
            throws Exception {
        ClientMessage request = session.createMessage(false);
        ManagementHelper.putAttribute(request, ResourceNames.QUEUE + queue, attribute);
        return ((Number) ManagementHelper.getResult(requestor.request(request, 5_000))).longValue();
    }

    /** The same over a connection of its own, made for this question; -1 when the broker does not answer. */
    public static long queueAttribute(String url, String user, String password, String queue, String attribute) {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url).setCallTimeout(5_000);
                ClientSessionFactory factory = locator.createSessionFactory();
                ClientSession session = factory.createSession(user, password, false, true, true, false, 0);
                ClientRequestor requestor = new ClientRequestor(session, "activemq.management")) {
            session.start();
            return queueAttribute(session, requestor, queue, attribute);
        } catch (Exception away) {
            return -1;
        }
    }
}
