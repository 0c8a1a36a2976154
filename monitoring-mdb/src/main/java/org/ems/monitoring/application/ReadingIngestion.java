package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.ems.contracts.reading.MeterReading;
import org.ems.monitoring.infrastructure.persistence.ReadingRepository;

/** Applies decoded meter readings in the caller's transaction (the MDB's), ignoring duplicates. */
@Stateless
public class ReadingIngestion {

    @Inject
    ReadingRepository readings;

    @Inject
    Event<ReadingsApplied> applied;

    /** Stores the readings that are new; returns how many were duplicates. */
    public int apply(List<MeterReading> batch) {
        List<MeterReading> stored = new ArrayList<>(batch.size());
        for (MeterReading reading : batch) {
            if (readings.addIfAbsent(reading)) {
                stored.add(reading);
            }
        }
        if (!stored.isEmpty()) {
            applied.fire(new ReadingsApplied(stored));
        }
        return batch.size() - stored.size();
    }
}
