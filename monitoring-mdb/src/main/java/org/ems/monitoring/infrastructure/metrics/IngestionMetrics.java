package org.ems.monitoring.infrastructure.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.ems.monitoring.application.AlertRaised;
import org.ems.monitoring.application.DeviceEventHandled;
import org.ems.monitoring.application.ReadingsApplied;

/**
 * Counters of what monitoring committed, on {@code /metrics}: readings stored, duplicates ignored, the database
 * transactions that applied them (group commit: readings per transaction), alerts raised, device events applied and
 * ignored as stale (e.g. {@code ems_readings_stored_total}). Counted after commit, so a rolled-back, redelivered message counts once.
 */
@ApplicationScoped
public class IngestionMetrics {

    @Inject
    MetricRegistry registry;

    void applied(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReadingsApplied applied) {
        registry.counter("ems.readings.stored").inc(applied.readings().size());
        registry.counter("ems.readings.duplicates").inc(applied.duplicates());
        registry.counter("ems.readings.transactions").inc();
    }

    void raised(@Observes(during = TransactionPhase.AFTER_SUCCESS) AlertRaised raised) {
        registry.counter("ems.alerts.raised").inc();
    }

    void deviceEvent(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceEventHandled handled) {
        registry.counter(handled.applied() ? "ems.device.events.applied" : "ems.device.events.stale")
                .inc();
    }
}
