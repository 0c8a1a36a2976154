package org.ems.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.ems.contracts.access.Caller;
import org.ems.contracts.access.Roles;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.messaging.BrokerConnection;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.reading.MeterReading;
import org.ems.contracts.reading.MeterReadingCodec;
import org.ems.monitoring.application.AlertService;
import org.ems.monitoring.application.ConsumptionService;
import org.ems.monitoring.application.DayConsumption;
import org.ems.monitoring.application.PeriodService;
import org.ems.monitoring.application.PeriodSummary;
import org.ems.monitoring.application.Warnings;
import org.ems.monitoring.domain.DeviceReplica;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.Period;
import org.ems.monitoring.domain.ReadingRepository;
import org.ems.monitoring.testing.EmsInfrastructureExtension;
import org.ems.monitoring.testing.SnapshotDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Monitoring in Payara Micro, over the real broker into the real database: readings through the MDB into quarter
 * totals, device events into the replica, alerts stored once and published on {@code ems.alerts}.
 */
@ExtendWith({EmsInfrastructureExtension.class, ArquillianExtension.class})
class MonitoringIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "monitoring-it.war")
                .addPackages(
                        false,
                        Filters.exclude(".*Test(\\$.*)?\\.class"), // the plain JUnit tests of those packages
                        "org.ems.monitoring.application",
                        "org.ems.monitoring.domain",
                        "org.ems.monitoring.infrastructure.persistence",
                        "org.ems.monitoring.infrastructure.messaging",
                        "org.ems.monitoring.infrastructure.metrics",
                        "org.ems.contracts.reading",
                        "org.ems.contracts.meter",
                        "org.ems.contracts.messaging",
                        "org.ems.contracts.device",
                        "org.ems.contracts.alert",
                        "org.ems.contracts.tariff",
                        "org.ems.contracts.access",
                        "org.ems.contracts.paging",
                        "org.ems.contracts.platform")
                // the tests wait with Awaitility, in the container
                .addPackages(true, Awaitility.class.getPackage(), org.hamcrest.Matcher.class.getPackage())
                .addClasses(EmsInfrastructureExtension.class, SnapshotDirectory.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    @JMSConnectionFactory(BrokerConnection.CONNECTION_FACTORY)
    JMSContext jms;

    @Inject
    ConsumptionService consumption;

    @Inject
    AlertService alerts;

    @Inject
    DeviceReplica replica;

    @Inject
    ReadingRepository readings;

    @Inject
    MetricRegistry metrics;

    @Inject
    Warnings warnings;

    @Inject
    PeriodService periods;

    @Test
    void theStartUpRebuildBringsTheDirectorysDevicesIntoTheReplica() {
        MonitoredDevice device = replica.find(SnapshotDirectory.DEVICE).orElseThrow();
        assertEquals(3, device.version());
        assertEquals(ZoneId.of("Asia/Kolkata"), device.zone());
        assertEquals(0, new BigDecimal("2.5").compareTo(device.maxHourlyKwh()));
    }

    @Test
    void readingsOfAllFormsBecomeHourlyConsumptionAndDuplicatesChangeNothing() throws Exception {
        UUID device = created(UUID.randomUUID(), "100");
        MeterReading first = reading(device, "2026-05-01T09:00:00Z", "10");
        MeterReading second = reading(device, "2026-05-01T09:30:00Z", "11");
        MeterReading third = reading(device, "2026-05-01T10:00:00Z", "13");
        long before = handled();
        send(MeterReadingCodec.encode(first));
        send(MeterReadingCodec.encodeClassic(second));
        send(MeterReadingCodec.encodeBatch(List.of(third, second, first)));
        send(MeterReadingCodec.encode(third));

        // All six readings handled, each stored or known as a duplicate: only then does "nothing changed" mean much.
        eventually(() -> Optional.of(handled() - before).filter(n -> n == 6));
        DayConsumption day = consumption.day(device, LocalDate.parse("2026-05-01"), UTC);
        assertEquals(0, new BigDecimal("3").compareTo(day.hours().get(9).kwh()), "kWh in 09:00-10:00");
        assertEquals(2, day.hours().get(9).readings());
        assertEquals(0, BigDecimal.ZERO.compareTo(day.hours().get(10).kwh()));
    }

    @Test
    void aBadReadingGoesToTheDeadLetterQueueWithItsReasonAndTheGoodOnesOfItsBatchAreKept() throws Exception {
        UUID device = created(UUID.randomUUID(), "100");
        String bad = "{\"deviceId\":\"" + device + "\",\"timestamp\":\"2026-05-02T00:10:00Z\",\"kwh\":-5}";
        send("{\"readings\":[" + MeterReadingCodec.encode(reading(device, "2026-05-02T00:00:00Z", "1")) + "," + bad
                + "," + MeterReadingCodec.encode(reading(device, "2026-05-02T00:20:00Z", "2")) + "]}");

        try (var dlq =
                jms.createConsumer(jms.createQueue(Destinations.READINGS_DLQ), "ems_error LIKE 'readings[1]%'")) {
            Message dead = dlq.receive(PATIENCE.toMillis());
            assertNotNull(dead, "dead letter");
            assertEquals(
                    "readings[1]: kwh must not be negative: -5", dead.getStringProperty(Destinations.ERROR_PROPERTY));
            assertTrue(dead.getBody(String.class).contains("-5"));
        }
        DayConsumption day = eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-02"), UTC))
                .filter(d -> d.hours().get(0).readings() == 2));
        assertEquals(0, BigDecimal.ONE.compareTo(day.hours().get(0).kwh()));
    }

    @Test
    void manyMessagesOfOneDeviceInFlightAtOnceGiveExactTotals() throws Exception {
        UUID device = created(UUID.randomUUID(), "1000");
        // 24 h of 10-minute readings, 0.25 kWh each: 1.5 kWh in every hour. Shuffled, a third sent twice, so the
        // consumer's eight sessions apply readings of this one device concurrently and out of order.
        List<String> messages = new ArrayList<>();
        Instant start = Instant.parse("2026-05-03T00:00:00Z");
        for (int i = 0; i <= 144; i++) {
            String body = MeterReadingCodec.encode(new MeterReading(
                    device,
                    start.plus(Duration.ofMinutes(10L * i)),
                    new BigDecimal("0.25").multiply(BigDecimal.valueOf(i))));
            messages.add(body);
            if (i % 3 == 0) {
                messages.add(body);
            }
        }
        Collections.shuffle(messages, new Random(7));
        messages.forEach(this::send);

        DayConsumption day = eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-03"), UTC))
                .filter(d -> d.hours().stream().mapToInt(HourTotal::readings).sum() == 144));
        for (HourTotal hour : day.hours()) {
            assertEquals(0, new BigDecimal("1.5").compareTo(hour.kwh()), "hour " + hour.start());
            assertEquals(6, hour.readings(), "readings of " + hour.start());
            assertTrue(hour.flags().isEmpty());
        }
    }

    @Test
    void readingsOfADeviceNotKnownYetAreKeptAndBookedWithTheirAlertsWhenItArrives() throws Exception {
        UUID device = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        send(MeterReadingCodec.encodeBatch(
                List.of(reading(device, "2026-05-04T06:00:00Z", "50"), reading(device, "2026-05-04T07:00:00Z", "53"))));
        eventually(() -> Optional.of(readings.all(device)).filter(stored -> stored.size() == 2));
        // stored, not booked: monitoring does not know the device's zone or limit yet
        assertEquals(
                0,
                consumption
                        .day(device, LocalDate.parse("2026-05-04"), UTC)
                        .hours()
                        .get(6)
                        .readings());

        try (JMSConsumer published = jms.createConsumer(
                jms.createTopic(Destinations.ALERTS), Destinations.OWNER_PROPERTY + " = '" + owner + "'")) {
            publish(new DeviceEvent(DeviceEvent.Type.CREATED, 1, Instant.now(), device(device, owner, "2", "UTC")));
            DayConsumption day =
                    eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-04"), UTC))
                            .filter(d -> d.hours().get(7).readings() == 1));
            assertEquals(0, new BigDecimal("3").compareTo(day.hours().get(6).kwh()));
            Message alert = published.receive(PATIENCE.toMillis());
            assertNotNull(alert, "the alert of 06:00, published for its owner");
            assertTrue(alert.getBody(String.class).contains("\"hourStart\":\"2026-05-04T06:00:00Z\""));
        }
    }

    @Test
    void anHourOverTheLimitRaisesOneAlertWhateverComesAfter() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID device = created(UUID.randomUUID(), "1", owner);
        try (JMSConsumer published = jms.createConsumer(
                jms.createTopic(Destinations.ALERTS), Destinations.OWNER_PROPERTY + " = '" + owner + "'")) {
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T10:00:00Z", "0")));
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T10:30:00Z", "1.5")));
            assertNotNull(published.receive(PATIENCE.toMillis()), "alert published");
            // Duplicates, the same message again, later readings of the hour, a late reading inside it.
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T10:30:00Z", "1.5")));
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T10:50:00Z", "3")));
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T10:20:00Z", "1")));
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T11:00:00Z", "3.2")));
            eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-05"), UTC))
                    .filter(d -> d.hours().get(10).readings() == 4
                            && d.hours().get(11).readings() == 1));
            // All of that is applied. A later hour over the limit raises the next alert: whatever was published
            // for 10:00 meanwhile would come before it.
            send(MeterReadingCodec.encode(reading(device, "2026-05-05T12:00:00Z", "6")));
            Message next = published.receive(PATIENCE.toMillis());
            assertNotNull(next, "the alert of 11:00");
            assertTrue(
                    next.getBody(String.class).contains("\"hourStart\":\"2026-05-05T11:00:00Z\""),
                    "no second alert for 10:00 before it: " + next.getBody(String.class));
        }
        List<AlertMessage> stored = alerts.list(client(owner), Optional.of(device), Optional.empty());
        assertEquals(2, stored.size(), "10:00 and 11:00");
        AlertMessage alert = stored.stream()
                .filter(a -> over(a).hourStart().getHour() == 10)
                .findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("1.5").compareTo(over(alert).kwh()), "the total when it first went over");
        assertEquals(0, BigDecimal.ONE.compareTo(over(alert).limitKwh()));

        AlertMessage acknowledged =
                alerts.acknowledge(alert.id(), client(owner)).orElseThrow();
        assertNotNull(acknowledged.acknowledgedAt());
        assertEquals(acknowledged, alerts.acknowledge(alert.id(), client(owner)).orElseThrow(), "acknowledged once");
        assertTrue(alerts.acknowledge(alert.id(), client(UUID.randomUUID())).isEmpty(), "another's alert");
    }

    @Test
    void anAlertWhoseHourLateReadingsTakeBackWithinTheLimitIsWithdrawnAndReinstatedWhenOverAgain() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID device = created(UUID.randomUUID(), "1.5", owner);
        try (JMSConsumer published = jms.createConsumer(
                jms.createTopic(Destinations.ALERTS), Destinations.OWNER_PROPERTY + " = '" + owner + "'")) {
            // Two hours without readings: 4 kWh spread evenly, 2 in each, both over 1.5.
            send(MeterReadingCodec.encode(reading(device, "2026-05-10T10:00:00Z", "0")));
            send(MeterReadingCodec.encode(reading(device, "2026-05-10T12:00:00Z", "4")));
            AlertMessage first =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            AlertMessage second =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            AlertMessage ten = over(first).hourStart().getHour() == 10 ? first : second;
            assertTrue(ten.standing());

            // A late reading at 10:50 says the hour used 1 kWh: its alert is withdrawn, 11:00's stands.
            send(MeterReadingCodec.encode(reading(device, "2026-05-10T10:50:00Z", "0.5")));
            AlertMessage withdrawn =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            assertEquals(ten.id(), withdrawn.id());
            assertNotNull(withdrawn.withdrawnAt(), "pushed as withdrawn");
            assertEquals("late readings put the hour within its limit: 1 kWh", withdrawn.withdrawnReason());
            assertEquals(1L, alerts.unacknowledged(client(owner)), "only 11:00 counts");

            // Another at 10:55 takes it over again: the same alert, standing again, with the hour's total now.
            send(MeterReadingCodec.encode(reading(device, "2026-05-10T10:55:00Z", "1.9")));
            AlertMessage reinstated =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            assertEquals(ten.id(), reinstated.id());
            assertTrue(reinstated.standing());
            assertTrue(over(reinstated).kwh().compareTo(new BigDecimal("1.5")) > 0);
        }
        assertEquals(
                2,
                alerts.list(client(owner), Optional.of(device), Optional.empty())
                        .size(),
                "still one alert per hour");
    }

    @Test
    void aLiveHourHeadingOverItsLimitIsWarnedOnceAndTheWarningWithdrawnWhenItEndsWithin() throws Exception {
        UUID owner = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        // A zone whose clock hour has at least 20 minutes left now: UTC, or India's (hours start at :30 UTC).
        String zone = now.atZone(UTC).getMinute() < 40 ? "UTC" : "Asia/Kolkata";
        UUID device = UUID.randomUUID();
        publish(new DeviceEvent(DeviceEvent.Type.CREATED, 1, Instant.now(), device(device, owner, "1", zone)));
        eventually(() -> replica.find(device));
        try (JMSConsumer published = jms.createConsumer(
                jms.createTopic(Destinations.ALERTS), Destinations.OWNER_PROPERTY + " = '" + owner + "'")) {
            List<MeterReading> live = List.of(
                    new MeterReading(device, now.minusSeconds(600), new BigDecimal("100")),
                    new MeterReading(device, now.minusSeconds(300), new BigDecimal("100.4")),
                    new MeterReading(device, now, new BigDecimal("100.8")));
            send(MeterReadingCodec.encodeBatch(live));
            AlertMessage warning =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            assertEquals(AlertKind.PROJECTED, warning.kind());
            AlertFacts.Projected projected = (AlertFacts.Projected) warning.facts();
            assertTrue(projected.projectedKwh().compareTo(BigDecimal.ONE) > 0, "over 1 kWh: " + projected);
            send(MeterReadingCodec.encodeBatch(live));
            assertNull(published.receive(2_000), "one warning per device-hour");

            // No more readings: the hour ends within its limit, and its warning is withdrawn once, when settled.
            warnings.settleProjections(now.plus(Duration.ofHours(2)));
            AlertMessage withdrawn =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            assertEquals(warning.id(), withdrawn.id());
            assertEquals("the hour ended within its limit", withdrawn.withdrawnReason());
            warnings.settleProjections(now.plus(Duration.ofHours(2)));
            assertNull(published.receive(1_000), "settled once");
        }
    }

    @Test
    void aMeterQuietForTheConfiguredTimeIsAlertedOnceAndItsNextReadingResolvesIt() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID device = created(UUID.randomUUID(), "100", owner);
        try (JMSConsumer published = jms.createConsumer(
                jms.createTopic(Destinations.ALERTS), Destinations.OWNER_PROPERTY + " = '" + owner + "'")) {
            // An old timestamp: silence is counted from when a reading arrives, not from what it says.
            send(MeterReadingCodec.encode(reading(device, "2026-05-11T10:00:00Z", "1")));
            eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-11"), UTC))
                    .filter(d -> d.hours().get(10).readings() == 1));
            // The device has no silence time of its own: ems.silent-after's, an hour (not set here: its default).
            warnings.silence(Instant.now().plus(Duration.ofMinutes(30)));
            assertNull(published.receive(1_000), "half an hour of silence is not yet an hour");
            warnings.silence(Instant.now().plus(Duration.ofMinutes(62)));
            AlertMessage silent =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            assertEquals(AlertKind.SILENT, silent.kind());
            assertNull(((AlertFacts.Silent) silent.facts()).resolvedAt());
            warnings.silence(Instant.now().plus(Duration.ofMinutes(63)));
            assertNull(published.receive(1_000), "one alert per silence");

            send(MeterReadingCodec.encode(reading(device, "2026-05-11T10:05:00Z", "1.1")));
            AlertMessage resolved =
                    AlertMessage.fromJson(published.receive(PATIENCE.toMillis()).getBody(String.class));
            assertEquals(silent.id(), resolved.id());
            assertNotNull(((AlertFacts.Silent) resolved.facts()).resolvedAt(), "resolved by the next reading");
        }
    }

    @Test
    void aWeekOrMonthInProgressIsComparedOnItsDaysSoFar() throws Exception {
        UUID device = created(UUID.randomUUID(), "100");
        // 10 kWh on Monday 1 June, nothing then until 12 kWh on Monday 8 June.
        send(MeterReadingCodec.encodeBatch(List.of(
                reading(device, "2026-06-01T00:00:00Z", "0"),
                reading(device, "2026-06-02T00:00:00Z", "10"),
                reading(device, "2026-06-08T00:00:00Z", "10"),
                reading(device, "2026-06-09T00:00:00Z", "22"))));
        eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-06-08"), UTC))
                .filter(d -> d.hours().get(0).readings() == 1));
        LocalDate wednesday = LocalDate.parse("2026-06-10");
        PeriodSummary week = periods.summary(device, UTC, null, Period.Kind.WEEK, wednesday, wednesday);
        assertEquals(LocalDate.parse("2026-06-08"), week.period().start());
        assertEquals(7, week.bars().size());
        assertEquals(3, week.daysCompared(), "Monday to Wednesday");
        assertEquals(0, new BigDecimal("12").compareTo(week.kwh()));
        assertEquals(20, week.vsPrevious(), "12 kWh against 10 on the same three days of the week before");
        assertNull(week.vsYearBefore(), "nothing a year before");
        assertNull(week.cost(), "no tariff, no cost");
        PeriodSummary june = periods.summary(device, UTC, null, Period.Kind.MONTH, wednesday, wednesday);
        // the sum of its hours, each to the micro-kWh: 1 June's 24 hours of 0.416667 kWh make 10.000008
        assertEquals(
                0, new BigDecimal("22.000008").compareTo(june.kwh()), june.kwh().toPlainString());
        assertEquals(30, june.bars().size());
        assertNull(june.vsPrevious(), "nothing in May");
        PeriodSummary year = periods.summary(device, UTC, null, Period.Kind.YEAR, wednesday, wednesday);
        assertEquals(12, year.bars().size(), "a bar per month");
        assertEquals(0, june.kwh().compareTo(year.bars().get(5).kwh()), "June's bar is the month");
    }

    @Test
    void aLoweredLimitAppliesToHoursStillToComeNotToEarlierOnes() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID device = created(UUID.randomUUID(), "1", owner);
        send(MeterReadingCodec.encodeBatch(
                List.of(reading(device, "2026-05-09T10:00:00Z", "0"), reading(device, "2026-05-09T10:20:00Z", "0.8"))));
        eventually(() -> Optional.of(consumption.day(device, LocalDate.parse("2026-05-09"), UTC))
                .filter(d -> d.hours().get(10).readings() == 2));

        publish(new DeviceEvent(DeviceEvent.Type.UPDATED, 2, Instant.now(), device(device, owner, "0.5", "UTC")));
        eventually(() -> replica.find(device).filter(d -> d.version() == 2));
        // A late reading grows the earlier hour to 0.9 kWh: over the new limit, not over the one it started with.
        send(MeterReadingCodec.encode(reading(device, "2026-05-09T10:40:00Z", "0.9")));
        // An hour after the change: 0.6 kWh is over the new limit.
        send(MeterReadingCodec.encodeBatch(List.of(
                reading(device, "2030-01-01T08:00:00Z", "100"), reading(device, "2030-01-01T08:30:00Z", "100.6"))));
        List<AlertMessage> raised =
                eventually(() -> Optional.of(alerts.list(client(owner), Optional.of(device), Optional.empty()))
                        .filter(list -> !list.isEmpty()));
        assertEquals(
                0,
                new BigDecimal("0.9")
                        .compareTo(consumption
                                .day(device, LocalDate.parse("2026-05-09"), UTC)
                                .hours()
                                .get(10)
                                .kwh()));
        assertEquals(1, raised.size(), "only the hour after the change: " + raised);
        assertEquals("2030-01-01T08:00Z", over(raised.get(0)).hourStart().toString());
        assertEquals(0, new BigDecimal("0.5").compareTo(over(raised.get(0)).limitKwh()));
    }

    @Test
    void deviceEventsApplyInVersionOrderAndAStaleOneChangesNothing() throws Exception {
        UUID device = UUID.randomUUID();
        publish(new DeviceEvent(
                DeviceEvent.Type.UPDATED, 2, Instant.now(), device(device, null, "5", "Europe/Bucharest")));
        eventually(() -> replica.find(device));
        long stale = metrics.counter("ems.device.events.stale").getCount();
        publish(new DeviceEvent(DeviceEvent.Type.CREATED, 1, Instant.now(), device(device, null, "1", "UTC")));
        eventually(() -> Optional.of(metrics.counter("ems.device.events.stale").getCount())
                .filter(n -> n > stale));
        MonitoredDevice updated = replica.find(device).orElseThrow();
        assertEquals(2, updated.version());
        assertEquals(ZoneId.of("Europe/Bucharest"), updated.zone());

        publish(new DeviceEvent(
                DeviceEvent.Type.DELETED, 3, Instant.now(), device(device, null, "5", "Europe/Bucharest")));
        eventually(() -> replica.find(device).filter(MonitoredDevice::deleted));
    }

    private static Caller client(UUID id) {
        return new Caller(id, "client", Roles.CLIENT);
    }

    private UUID created(UUID device, String maxHourlyKwh) throws InterruptedException {
        return created(device, maxHourlyKwh, null);
    }

    /** Creates the device as device-ejb would (an event on the topic) and waits until monitoring has it. */
    private UUID created(UUID device, String maxHourlyKwh, UUID owner) throws InterruptedException {
        publish(new DeviceEvent(
                DeviceEvent.Type.CREATED, 1, Instant.now(), device(device, owner, maxHourlyKwh, "UTC")));
        eventually(() -> replica.find(device));
        return device;
    }

    private static DeviceData device(UUID id, UUID owner, String maxHourlyKwh, String zone) {
        return new DeviceData(id, "meter " + id, "", "", new BigDecimal(maxHourlyKwh), owner, zone, null, null, null);
    }

    private void publish(DeviceEvent event) {
        jms.createProducer().send(jms.createTopic(Destinations.DEVICE_EVENTS), event.toJson());
    }

    /** Readings the consumers have handled so far: stored, or recognised as duplicates. */
    private long handled() {
        return metrics.counter("ems.readings.stored").getCount()
                + metrics.counter("ems.readings.duplicates").getCount();
    }

    private void send(String body) {
        jms.createProducer().send(jms.createQueue(Destinations.READINGS), body);
    }

    private static MeterReading reading(UUID device, String instant, String kwh) {
        return new MeterReading(device, Instant.parse(instant), new BigDecimal(kwh));
    }

    private static <T> T eventually(Supplier<Optional<T>> probe) {
        return Awaitility.await()
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(probe::get, Optional::isPresent)
                .get();
    }

    /** The facts of an alert over its hour's limit. */
    private static AlertFacts.OverLimit over(AlertMessage alert) {
        return (AlertFacts.OverLimit) alert.facts();
    }
}
