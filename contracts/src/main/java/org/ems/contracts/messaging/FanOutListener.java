package org.ems.contracts.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The shape of the consumers of the fan-out topics ({@code ems.alerts}, {@code ems.chat}): a non-durable subscription
 * of one session per instance (see the subclasses' activation config), so that every instance gets each message once
 * and in order, and passes it to the connections it holds as a CDI event. What was published is stored already: a
 * message an instance cannot read is logged and dropped, and a page shows the data when it loads. (Subclasses name
 * {@code MessageListener} again: the container looks for it on the bean class itself.)
 */
public abstract class FanOutListener implements MessageListener {

    private final Logger log = Logger.getLogger(getClass().getName());

    @Override
    public void onMessage(Message message) {
        try {
            pass((TextMessage) message);
        } catch (JMSException | RuntimeException e) {
            log.warning(() -> "Cannot pass on a message of " + getClass().getSimpleName() + ": " + e);
        }
    }

    /** Hands the message to this instance's connections. */
    protected abstract void pass(TextMessage message) throws JMSException;

    /** A message property holding a UUID; null when absent. */
    protected static UUID uuid(Message message, String property) throws JMSException {
        String text = message.getStringProperty(property);
        return text == null ? null : UUID.fromString(text);
    }
}
