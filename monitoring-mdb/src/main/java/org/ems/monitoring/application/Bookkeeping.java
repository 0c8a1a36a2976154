package org.ems.monitoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.contracts.alert.AlertMessage;
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
 * Books merges' changes on known devices' quarter totals and keeps the alerts true: for every clock hour whose energy
 * changed, an hour now over the device's limit gets its alert (raised, or reinstated if it was withdrawn), and an hour
 * whose energy shrank within the limit has its alert withdrawn (late readings moved energy out of it). Runs in the
 * caller's transaction, under the devices' locks; one statement per step whatever the number of devices.
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
        Map<UUID, Set<ClockHours.Hour>> changed = new HashMap<>();
        Map<UUID, Set<ClockHours.Hour>> shrunk = new HashMap<>(); // only these can fall back within the limit
        Map<UUID, MonitoredDevice> devices = new HashMap<>();
        merges.forEach((device, merge) -> {
            devices.put(device.id(), device);
            changes.put(device.id(), merge.changes());
            merge.changes().forEach((quarter, change) -> {
                if (change.kwh().signum() != 0) {
                    ClockHours.Hour hour = ClockHours.containing(quarter, device.zone());
                    changed.computeIfAbsent(device.id(), id -> new LinkedHashSet<>())
                            .add(hour);
                    if (change.kwh().signum() < 0) {
                        shrunk.computeIfAbsent(device.id(), id -> new HashSet<>())
                                .add(hour);
                    }
                }
            });
        });
        readings.book(changes);
        if (changed.isEmpty()) {
            return;
        }
        Map<UUID, LimitHistory> limits = replica.limits(changed.keySet());
        readings.hours(changed)
                .forEach((id, hours) -> hours.forEach((hour, quarters) -> check(
                        devices.get(id),
                        hour,
                        quarters,
                        limits.getOrDefault(id, new LimitHistory(new TreeMap<>())),
                        shrunk.getOrDefault(id, Set.of()).contains(hour))));
    }

    private void check(
            MonitoredDevice device,
            ClockHours.Hour hour,
            NavigableMap<Instant, QuarterTotal> quarters,
            LimitHistory limits,
            boolean shrank) {
        HourTotal total = HourlyConsumption.of(hour, quarters);
        Optional<BigDecimal> exceeded = limits.exceededBy(hour, total, device.maxHourlyKwh());
        Optional<AlertMessage> changed;
        if (exceeded.isPresent()) {
            changed = alerts.raise(device, hour, total, exceeded.get());
        } else if (shrank) {
            changed = alerts.withdraw(device.id(), hour, LimitHistory.withinLimit(total));
        } else {
            return;
        }
        // a new, reinstated or withdrawn alert reaches its owner the same way
        changed.ifPresent(alert -> raised.fire(new AlertRaised(alert, device.ownerId(), device.name())));
    }
}
