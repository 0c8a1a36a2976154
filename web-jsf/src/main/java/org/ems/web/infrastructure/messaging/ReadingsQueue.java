package org.ems.web.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import java.util.List;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;

/**
 * Queues readings that came over HTTP on {@code ems.readings}, as one message in the EMS form, for monitoring to apply
 * like any meter's. {@link #send} returns once the broker holds the message durably (a persistent send outside a
 * transaction waits for the broker's acknowledgement, which follows its journal's sync).
 */
@ApplicationScoped
public class ReadingsQueue {

    /**
     * A context per send, closed at once, which returns its pooled connection: with the container's injected
     * {@code JMSContext} (request-scoped outside a transaction) the pool of 32 was spent after 31 posts (1,200 posted
     * by the simulator's window: 31 answered 202, every later one waited a minute for a connection and failed).
     */
    @Resource(lookup = BrokerConnection.CONNECTION_FACTORY)
    ConnectionFactory broker;

    /** Queues 1 to {@value MeterReadingCodec#MAX_BATCH} readings, already checked. */
    public void send(List<MeterReading> readings) {
        try (JMSContext jms = broker.createContext()) {
            JMSProducer producer = jms.createProducer()
                    .setDeliveryMode(DeliveryMode.PERSISTENT)
                    .setProperty(MeterProtocol.PROPERTY, MeterProtocol.HTTP.label());
            if (readings.stream().map(MeterReading::deviceId).distinct().count() == 1) {
                producer.setProperty("JMSXGroupID", readings.get(0).deviceId().toString()); // a meter's in order
            }
            producer.send(
                    jms.createQueue(Destinations.READINGS),
                    readings.size() == 1
                            ? MeterReadingCodec.encode(readings.get(0))
                            : MeterReadingCodec.encodeBatch(readings));
        }
    }
}
