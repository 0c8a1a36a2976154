package org.ems.monitoring.infrastructure.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.DayConsumption;
import org.ems.monitoring.testing.EmsInfrastructureExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reading consumer in Payara Micro, over the real broker into the real database. */
@ExtendWith({EmsInfrastructureExtension.class, ArquillianExtension.class})
class MeterReadingConsumerIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final java.time.ZoneId UTC = java.time.ZoneOffset.UTC;

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "monitoring-it.war")
                .addPackages(false, "org.ems.monitoring.application", "org.ems.monitoring.infrastructure.persistence",
                        "org.ems.contracts.reading", "org.ems.contracts.messaging")
                .addClasses(MeterReadingConsumer.class, DeadLetters.class, EmsInfrastructureExtension.class)
                .addPackage("org.ems.monitoring.domain")
                .deleteClass("org.ems.monitoring.domain.HourlyConsumptionTest")
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    ConsumptionService consumption;

    @Test
    void readingsOfAllFormsBecomeHourlyConsumptionAndDuplicatesChangeNothing() throws Exception {
        UUID device = UUID.randomUUID();
        MeterReading first = reading(device, "2026-05-01T09:00:00Z", "10");
        MeterReading second = reading(device, "2026-05-01T09:30:00Z", "11");
        MeterReading third = reading(device, "2026-05-01T10:00:00Z", "13");
        send(MeterReadingCodec.encode(first));
        send(MeterReadingCodec.encodeClassic(second));
        send(MeterReadingCodec.encodeBatch(List.of(third, second, first)));
        send(MeterReadingCodec.encode(third));

        DayConsumption day = eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-01"), UTC))
                .filter(d -> d.hours().get(10).readings() == 1));
        assertEquals(0, new BigDecimal("3").compareTo(day.hours().get(9).kwh()), "kWh in 09:00-10:00");
        assertEquals(2, day.hours().get(9).readings());
        assertEquals(0, BigDecimal.ZERO.compareTo(day.hours().get(10).kwh()));
    }

    @Test
    void aBadReadingGoesToTheDeadLetterQueueWithItsReasonAndTheGoodOnesOfItsBatchAreKept() throws Exception {
        UUID device = UUID.randomUUID();
        String bad = "{\"deviceId\":\"" + device + "\",\"timestamp\":\"2026-05-02T00:10:00Z\",\"kwh\":-5}";
        send("{\"readings\":[" + MeterReadingCodec.encode(reading(device, "2026-05-02T00:00:00Z", "1")) + "," + bad
                + "," + MeterReadingCodec.encode(reading(device, "2026-05-02T00:20:00Z", "2")) + "]}");

        try (var dlq = jms.createConsumer(jms.createQueue(Destinations.READINGS_DLQ),
                "ems_error LIKE 'readings[1]%'")) {
            Message dead = dlq.receive(PATIENCE.toMillis());
            assertNotNull(dead, "dead letter");
            assertEquals("readings[1]: kwh must not be negative: -5", dead.getStringProperty(Destinations.ERROR_PROPERTY));
            assertTrue(dead.getBody(String.class).contains("-5"));
        }
        DayConsumption day = eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-02"), UTC))
                .filter(d -> d.hours().get(0).readings() == 2));
        assertEquals(0, BigDecimal.ONE.compareTo(day.hours().get(0).kwh()));
        assertEquals(2, day.hours().get(0).readings());
    }

    private void send(String body) {
        jms.createProducer().send(jms.createQueue(Destinations.READINGS), body);
    }

    private static MeterReading reading(UUID device, String instant, String kwh) {
        return new MeterReading(device, Instant.parse(instant), new BigDecimal(kwh));
    }

    private static <T> T eventually(Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within " + PATIENCE);
    }
}
