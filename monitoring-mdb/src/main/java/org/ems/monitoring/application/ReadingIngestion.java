package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;
import org.ems.monitoring.domain.AlertRepository;
import org.ems.monitoring.domain.DeviceReplica;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.ReadingMerge;
import org.ems.monitoring.domain.ReadingRepository;
import org.ems.monitoring.domain.ReadingWindow;
import org.ems.monitoring.domain.RegisterReading;

/**
 * Applies decoded meter readings in a transaction of its own: under the devices' locks, the new readings are stored
 * and, for devices monitoring knows, booked and checked for alerts; their arrival is recorded (silent meters). Readings of a device not known yet are stored
 * only; {@link DeviceSync} books them when the device arrives. Applying the same readings again changes nothing, so
 * a message delivered twice has the effect of one.
 */
@Stateless
public class ReadingIngestion {

    @Inject
    ReadingRepository readings;

    @Inject
    DeviceReplica devices;

    @Inject
    Bookkeeping bookkeeping;

    @Inject
    AlertRepository alerts;

    @Inject
    Event<ReadingsApplied> applied;

    /** Stores the readings that are new; returns how many were duplicates. */
    public int apply(List<MeterReading> batch) {
        Map<UUID, List<RegisterReading>> byDevice = new HashMap<>();
        Map<UUID, ReadingWindow> windows = new HashMap<>();
        for (MeterReading reading : batch) {
            byDevice.computeIfAbsent(reading.deviceId(), id -> new ArrayList<>())
                    .add(new RegisterReading(reading.timestamp(), reading.kwh()));
            windows.merge(reading.deviceId(), ReadingWindow.of(reading.timestamp()), ReadingWindow::span);
        }
        readings.lock(byDevice.keySet());
        Map<UUID, List<RegisterReading>> known = readings.around(windows);
        Map<UUID, MonitoredDevice> monitored = devices.findAll(byDevice.keySet());

        Map<UUID, List<RegisterReading>> accepted = new HashMap<>();
        Map<MonitoredDevice, ReadingMerge> toBook = new HashMap<>();
        List<MeterReading> stored = new ArrayList<>(batch.size());
        int duplicates = 0;
        for (Map.Entry<UUID, List<RegisterReading>> device : byDevice.entrySet()) {
            UUID id = device.getKey();
            ReadingMerge merge = ReadingMerge.of(known.get(id), device.getValue());
            accepted.put(id, merge.accepted());
            duplicates += merge.duplicates();
            merge.accepted().forEach(r -> stored.add(new MeterReading(id, r.at(), r.kwh())));
            MonitoredDevice target = monitored.get(id);
            if (target != null && !target.deleted()) {
                toBook.put(target, merge);
            }
        }
        readings.insert(accepted);
        bookkeeping.book(toBook);
        // A meter that reports is not silent: from now on, and its open silence is over.
        alerts.arrived(byDevice.keySet())
                .forEach(alert -> bookkeeping.tell(monitored.get(alert.deviceId()), Optional.of(alert)));
        applied.fire(new ReadingsApplied(stored, duplicates));
        return duplicates;
    }
}
