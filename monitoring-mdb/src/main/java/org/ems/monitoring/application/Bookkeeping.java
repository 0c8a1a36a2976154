package org.ems.monitoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.ems.monitoring.domain.ClockHours;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.HourlyConsumption;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.QuarterTotal;
import org.ems.monitoring.domain.ReadingMerge;
import org.ems.monitoring.infrastructure.persistence.AlertRepository;
import org.ems.monitoring.infrastructure.persistence.ReadingRepository;

/**
 * Books a merge's changes on a known device's quarter totals and raises the alerts that are due: for every clock hour
 * whose energy grew, if its total is now over the device's limit and the hour has no alert yet. Runs in the caller's
 * transaction, under the device's lock.
 */
@ApplicationScoped
public class Bookkeeping {

    @Inject
    ReadingRepository readings;

    @Inject
    AlertRepository alerts;

    @Inject
    Event<AlertRaised> raised;

    public void book(MonitoredDevice device, ReadingMerge merge) {
        readings.book(device.id(), merge.changes());
        Set<ClockHours.Hour> grown = new LinkedHashSet<>();
        for (Map.Entry<Instant, QuarterTotal> change : merge.changes().entrySet()) {
            if (change.getValue().kwh().signum() > 0) {
                grown.add(ClockHours.containing(change.getKey(), device.zone()));
            }
        }
        for (ClockHours.Hour hour : grown) {
            HourTotal total = HourlyConsumption.of(hour, readings.quarters(device.id(), hour.start(), hour.end()));
            if (HourlyConsumption.exceeds(total, device.maxHourlyKwh())) {
                alerts.raise(device, hour, total).ifPresent(alert -> raised.fire(new AlertRaised(alert)));
            }
        }
    }
}
