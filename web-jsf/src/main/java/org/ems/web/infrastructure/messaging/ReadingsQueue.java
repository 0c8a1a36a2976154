package org.ems.web.infrastructure.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
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

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    /** Queues 1 to {@value MeterReadingCodec#MAX_BATCH} readings, already checked. */
    public void send(List<MeterReading> readings) {
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
