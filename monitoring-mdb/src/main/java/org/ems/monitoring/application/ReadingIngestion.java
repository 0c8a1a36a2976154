package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.ems.contracts.reading.MeterReading;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.ReadingMerge;
import org.ems.monitoring.domain.RegisterReading;
import org.ems.monitoring.infrastructure.persistence.DeviceReplica;
import org.ems.monitoring.infrastructure.persistence.ReadingRepository;

/**
 * Applies decoded meter readings in the caller's transaction (the MDB's): per device, under its lock, the new
 * readings are stored and, for a device monitoring knows, booked and checked for alerts. Readings of a device not
 * known yet are stored only; {@link DeviceSync} books them when the device arrives.
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
    Event<ReadingsApplied> applied;

    /** Stores the readings that are new; returns how many were duplicates. */
    public int apply(List<MeterReading> batch) {
        // Devices in a fixed order, so two messages holding the same devices cannot deadlock on their locks.
        Map<UUID, List<RegisterReading>> byDevice = new TreeMap<>();
        for (MeterReading reading : batch) {
            byDevice.computeIfAbsent(reading.deviceId(), id -> new ArrayList<>())
                    .add(new RegisterReading(reading.timestamp(), reading.kwh()));
        }
        int duplicates = 0;
        List<MeterReading> stored = new ArrayList<>(batch.size());
        for (Map.Entry<UUID, List<RegisterReading>> device : byDevice.entrySet()) {
            UUID id = device.getKey();
            List<RegisterReading> incoming = device.getValue();
            readings.lock(id);
            Instant first = incoming.stream().map(RegisterReading::at).min(Comparator.naturalOrder()).orElseThrow();
            Instant last = incoming.stream().map(RegisterReading::at).max(Comparator.naturalOrder()).orElseThrow();
            ReadingMerge merge = ReadingMerge.of(readings.around(id, first, last), incoming);
            readings.insert(id, merge.accepted());
            devices.find(id).filter(d -> !d.deleted()).ifPresent(known -> bookkeeping.book(known, merge));
            duplicates += merge.duplicates();
            merge.accepted().forEach(r -> stored.add(new MeterReading(id, r.at(), r.kwh())));
        }
        if (!stored.isEmpty()) {
            applied.fire(new ReadingsApplied(stored));
        }
        return duplicates;
    }
}
