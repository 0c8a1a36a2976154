package org.ems.monitoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.monitoring.domain.AlertRepository;
import org.ems.monitoring.domain.ClockHours;
import org.ems.monitoring.domain.DeviceReplica;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.HourlyConsumption;
import org.ems.monitoring.domain.LimitHistory;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.QuarterTotal;
import org.ems.monitoring.domain.ReadingMerge;
import org.ems.monitoring.domain.ReadingRepository;

/**
 * Books merges' changes on known devices' quarter totals and raises the alerts that are due: for every clock hour
 * whose energy grew, if its total is now over the device's limit and the hour has no alert yet. Runs in the caller's
 * transaction, under the devices' locks; one statement per step whatever the number of devices.
 */
@ApplicationScoped
public class Bookkeeping {

    @Inject
    ReadingRepository readings;

    @Inject
    AlertRepository alerts;

    @Inject
    DeviceReplica replica;

    @Inject
    Event<AlertRaised> raised;

    public void book(Map<MonitoredDevice, ReadingMerge> merges) {
        Map<UUID, Map<Instant, QuarterTotal>> changes = new HashMap<>();
        Map<UUID, Set<ClockHours.Hour>> grown = new HashMap<>();
        Map<UUID, MonitoredDevice> devices = new HashMap<>();
        merges.forEach((device, merge) -> {
            devices.put(device.id(), device);
            changes.put(device.id(), merge.changes());
            merge.changes().forEach((quarter, change) -> {
                if (change.kwh().signum() > 0) {
                    grown.computeIfAbsent(device.id(), id -> new LinkedHashSet<>())
                            .add(ClockHours.containing(quarter, device.zone()));
                }
            });
        });
        readings.book(changes);
        if (grown.isEmpty()) {
            return;
        }
        Map<UUID, LimitHistory> limits = replica.limits(grown.keySet());
        readings.hours(grown)
                .forEach((id, hours) -> hours.forEach((hour, quarters) -> check(
                        devices.get(id), hour, quarters, limits.getOrDefault(id, new LimitHistory(new TreeMap<>())))));
    }

    private void check(
            MonitoredDevice device,
            ClockHours.Hour hour,
            NavigableMap<Instant, QuarterTotal> quarters,
            LimitHistory limits) {
        HourTotal total = HourlyConsumption.of(hour, quarters);
        limits.exceededBy(hour, total, device.maxHourlyKwh())
                .flatMap(limit -> alerts.raise(device, hour, total, limit))
                .ifPresent(alert -> raised.fire(new AlertRaised(alert, device.ownerId())));
    }
}
