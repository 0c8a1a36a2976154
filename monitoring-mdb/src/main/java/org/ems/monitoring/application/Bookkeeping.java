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
import org.ems.monitoring.domain.Projection;
import org.ems.monitoring.domain.QuarterTotal;
import org.ems.monitoring.domain.ReadingMerge;
import org.ems.monitoring.domain.ReadingRepository;
import org.ems.monitoring.domain.ReadingWindow;

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
        Instant now = Instant.now();
        Map<UUID, Live> live = new HashMap<>();
        readings.hours(changed)
                .forEach((id, hours) -> hours.forEach((hour, quarters) -> {
                    MonitoredDevice device = devices.get(id);
                    LimitHistory history = limits.getOrDefault(id, new LimitHistory(new TreeMap<>()));
                    HourTotal total = HourlyConsumption.of(hour, quarters);
                    check(
                            device,
                            hour,
                            total,
                            history,
                            shrunk.getOrDefault(id, Set.of()).contains(hour));
                    if (hour.contains(now) && arrivedLive(merges.get(device), now)) {
                        live.put(
                                id,
                                new Live(
                                        device,
                                        hour,
                                        total.kwh(),
                                        history.inForceAt(hour.start(), device.maxHourlyKwh())));
                    }
                }));
        project(live, now);
    }

    private void check(
            MonitoredDevice device, ClockHours.Hour hour, HourTotal total, LimitHistory limits, boolean shrank) {
        Optional<BigDecimal> exceeded = limits.exceededBy(hour, total, device.maxHourlyKwh());
        if (exceeded.isPresent()) {
            tell(device, alerts.raise(device, hour, total, exceeded.get()));
        } else if (shrank) {
            tell(device, alerts.withdraw(device.id(), hour, LimitHistory.withinLimit(total)));
        }
    }

    /** The hour in progress of a device whose readings arrive in real time: what it consumed so far, and its limit. */
    private record Live(MonitoredDevice device, ClockHours.Hour hour, BigDecimal soFar, BigDecimal limit) {}

    /** Whether the merge brought a reading of the last minutes by the server's clock. */
    private static boolean arrivedLive(ReadingMerge merge, Instant now) {
        Instant recent = now.minus(Projection.RECENT);
        return merge.accepted().stream().anyMatch(r -> !r.at().isBefore(recent) && !r.at().isAfter(now));
    }

    /** A {@code PROJECTED} warning for each hour in progress that its recent rate takes over the limit. */
    private void project(Map<UUID, Live> live, Instant now) {
        if (live.isEmpty()) {
            return;
        }
        Map<UUID, ReadingWindow> windows = new HashMap<>();
        live.keySet().forEach(id -> windows.put(id, new ReadingWindow(now.minus(Projection.RECENT), now)));
        readings.around(windows).forEach((id, recent) -> {
            Live hour = live.get(id);
            Projection.over(hour.hour(), hour.soFar(), hour.limit(), recent, now)
                    .ifPresent(projection -> tell(
                            hour.device(),
                            alerts.project(hour.device(), hour.hour(), hour.soFar(), hour.limit(), projection)));
        });
    }

    /** A new, reinstated, withdrawn or resolved alert reaches its owner the same way. */
    void tell(MonitoredDevice device, Optional<AlertMessage> changed) {
        changed.ifPresent(alert -> raised.fire(new AlertRaised(alert, device.ownerId(), device.name())));
    }
}
