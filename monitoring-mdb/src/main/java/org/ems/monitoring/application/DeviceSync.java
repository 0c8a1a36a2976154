package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ems.contracts.device.DeviceData;
import org.ems.contracts.device.DeviceEvent;
import org.ems.contracts.device.VersionedDevice;
import org.ems.monitoring.domain.DeviceReplica;
import org.ems.monitoring.domain.LimitHistory;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.ReadingMerge;
import org.ems.monitoring.domain.ReadingRepository;

/**
 * Keeps monitoring's device replica: applies device events and snapshot entries in version order (a stale or repeated
 * one changes nothing), and books the readings a device got before monitoring knew it, when it arrives.
 */
@Stateless
public class DeviceSync {

    @Inject
    DeviceReplica devices;

    @Inject
    ReadingRepository readings;

    @Inject
    Bookkeeping bookkeeping;

    @Inject
    Event<DeviceEventHandled> handled;

    /** Applies a device event in the caller's transaction; false when it was stale. */
    public boolean apply(DeviceEvent event) {
        boolean applied =
                apply(event.version(), event.device(), event.type() == DeviceEvent.Type.DELETED, event.occurredAt());
        handled.fire(new DeviceEventHandled(applied));
        return applied;
    }

    /** Applies one entry of the device directory's snapshot in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean apply(VersionedDevice entry) {
        return apply(entry.version(), entry.device(), false, Instant.now());
    }

    /** @param since when the change happened: a changed limit is in force for the hours that start from then on */
    private boolean apply(long version, DeviceData d, boolean deleted, Instant since) {
        readings.lock(List.of(d.id())); // no reading of the device is being applied meanwhile
        Optional<MonitoredDevice> before = devices.find(d.id());
        boolean booked = before.filter(known -> !known.deleted()).isPresent();
        MonitoredDevice device = new MonitoredDevice(
                d.id(),
                version,
                d.name(),
                d.ownerId(),
                d.maxHourlyKwh(),
                ZoneId.of(d.timeZone()),
                deleted,
                d.tariffId(),
                d.monthlyBudget(),
                d.silentAfter());
        if (!devices.putIfNewer(device)) {
            return false;
        }
        if (before.isEmpty()) {
            devices.limitFrom(d.id(), LimitHistory.ALWAYS, d.maxHourlyKwh());
        } else if (before.get().maxHourlyKwh().compareTo(d.maxHourlyKwh()) != 0) {
            devices.limitFrom(d.id(), since, d.maxHourlyKwh());
        }
        if (!booked && !deleted) {
            // Its readings so far were kept unbooked: book them all (raising the alerts they call for).
            bookkeeping.book(Map.of(device, ReadingMerge.of(List.of(), readings.all(d.id()))));
        }
        return true;
    }
}
