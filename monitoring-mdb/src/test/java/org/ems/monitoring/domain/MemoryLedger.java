package org.ems.monitoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One device's readings and quarter totals in memory, changed the way the database copy is: the stored readings
 * around the incoming ones go into {@link ReadingMerge}, its changes are added to the quarter totals.
 */
final class MemoryLedger {

    final TreeMap<Instant, RegisterReading> readings = new TreeMap<>();
    final TreeMap<Instant, QuarterTotal> quarters = new TreeMap<>();
    int duplicates;

    /** The hours of a day when {@code readings} arrive once each, in order, one message each. */
    static List<HourTotal> ofDay(List<RegisterReading> readings, LocalDate day, ZoneId zone) {
        MemoryLedger ledger = new MemoryLedger();
        readings.forEach(r -> ledger.receive(List.of(r)));
        return ledger.day(day, zone);
    }

    MemoryLedger receive(List<RegisterReading> incoming) {
        Instant first = incoming.stream()
                .map(RegisterReading::at)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant last = incoming.stream()
                .map(RegisterReading::at)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        List<RegisterReading> known = new ArrayList<>();
        Map.Entry<Instant, RegisterReading> before = readings.lowerEntry(first);
        if (before != null) {
            known.add(before.getValue());
        }
        known.addAll(readings.subMap(first, true, last, true).values());
        Map.Entry<Instant, RegisterReading> after = readings.higherEntry(last);
        if (after != null) {
            known.add(after.getValue());
        }
        ReadingMerge merge = ReadingMerge.of(known, incoming);
        merge.accepted().forEach(r -> readings.put(r.at(), r));
        merge.changes().forEach((quarter, change) -> quarters.merge(quarter, change, QuarterTotal::plus));
        duplicates += merge.duplicates();
        return this;
    }

    List<HourTotal> day(LocalDate day, ZoneId zone) {
        return HourlyConsumption.ofDay(quarters, day, zone);
    }
}
