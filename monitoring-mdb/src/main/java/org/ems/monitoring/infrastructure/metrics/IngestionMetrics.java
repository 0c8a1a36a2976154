package org.ems.monitoring.infrastructure.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.ems.contracts.messaging.Destinations;
import org.ems.contracts.meter.MeterProtocol;
import org.ems.monitoring.application.AlertRaised;
import org.ems.monitoring.application.AlertWatch;
import org.ems.monitoring.application.DeviceEventHandled;
import org.ems.monitoring.application.ReadingsApplied;
import org.ems.monitoring.application.ReadingsRemoved;

/**
 * Monitoring on {@code /metrics}. Counters of what it committed: readings stored, duplicates ignored, the database
 * transactions that applied them (group commit: readings per transaction), reading messages received by protocol
 * ({@code ems_reading_messages_received_total{protocol="mqtt"}}), alerts raised, device events applied and
 * ignored as stale (e.g. {@code ems_readings_stored_total}); counted after commit, so a rolled-back, redelivered message
 * counts once; months of raw readings removed by the retention ({@code ems.readings.months.removed}). And what shows
 * saturation or a stop: readings stored a second over the last ten seconds, the messages waiting in
 * {@code ems.readings} and in its dead-letter queue, the seconds since readings were last stored here, and the time
 * from a message's arrival at the broker to the commit of its readings; and the meters silent now
 * ({@code ems_meters_silent}, -1 until the first check).
 */
@ApplicationScoped
public class IngestionMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    BrokerQueues queues;

    @Inject
    AlertWatch watch;

    private final RecentRate stored = new RecentRate(10);
    /** When readings were last stored here (the start until then): a feed that stopped shows as a growing age. */
    private volatile Instant lastStored = Instant.now();

    private Histogram arrivalToCommit;

    /** On the bean's first use, which may be a message delivered before the application's start-up event. */
    @PostConstruct
    void histogram() {
        // A histogram of milliseconds: Payara exports a timer's quantiles in nanoseconds under a "_seconds" name.
        arrivalToCommit = registry.histogram("ems.readings.arrival.to.commit.ms");
    }

    /** Every series is on /metrics from the start, before any reading (a counter at 0): rules can rely on them. */
    void register(@Observes Startup startup) {
        for (String counter : new String[] {
            "ems.readings.stored",
            "ems.readings.duplicates",
            "ems.readings.transactions",
            "ems.readings.months.removed",
            "ems.alerts.raised"
        }) {
            registry.counter(counter);
        }
        for (MeterProtocol protocol : MeterProtocol.values()) {
            registry.counter("ems.reading.messages.received", new Tag("protocol", protocol.label()));
        }
        registry.gauge("ems.readings.per.second", stored, RecentRate::perSecond);
        registry.gauge(
                "ems.readings.waiting",
                queues,
                q -> q.waiting(Destinations.READINGS).orElse(-1));
        registry.gauge(
                "ems.readings.dead.letters",
                queues,
                q -> q.waiting(Destinations.READINGS_DLQ).orElse(-1));
        registry.gauge("ems.meters.silent", watch, AlertWatch::silentMeters);
        registry.gauge(
                "ems.readings.last.stored.age.seconds",
                this,
                m -> Duration.between(m.lastStored, Instant.now()).toSeconds());
    }

    /** A reading message arrived (its first delivery), by way of {@code protocol}. */
    public void received(MeterProtocol protocol) {
        registry.counter("ems.reading.messages.received", new Tag("protocol", protocol.label()))
                .inc();
    }

    /** A message's readings are committed {@code latency} after the message arrived at the broker. */
    public void committed(Duration latency) {
        arrivalToCommit.update(latency.toMillis());
    }

    void applied(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsApplied applied) {
        registry.counter("ems.readings.stored").inc(applied.readings().size());
        registry.counter("ems.readings.duplicates").inc(applied.duplicates());
        registry.counter("ems.readings.transactions").inc();
        stored.add(applied.readings().size());
        lastStored = Instant.now();
    }

    void raised(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRaised raised) {
        registry.counter("ems.alerts.raised").inc();
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsRemoved removed) {
        registry.counter("ems.readings.months.removed").inc(removed.months());
    }

    void deviceEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceEventHandled handled) {
        registry.counter(handled.applied() ? "ems.device.events.applied" : "ems.device.events.stale")
                .inc();
    }
}
