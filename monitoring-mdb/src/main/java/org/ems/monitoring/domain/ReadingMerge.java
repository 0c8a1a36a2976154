package org.ems.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How new readings of one device change its quarter totals. Each new reading either extends the device's readings or
 * falls between two of them: the interval it splits is taken back and the two halves are booked. So readings that
 * arrive late, out of order or twice leave exactly the totals of the same readings delivered once, in order.
 *
 * @param accepted the readings that are new, in time order
 * @param duplicates how many of the incoming readings were not new (same timestamp as a known or an earlier one)
 * @param changes the change to each quarter hour (non-zero ones only)
 */
public record ReadingMerge(List<RegisterReading> accepted, int duplicates, Map<Instant, QuarterTotal> changes) {

    /**
     * @param known the device's stored readings around the incoming ones, in time order: at least every reading
     *     between the earliest and the latest incoming one, plus the last before and the first after them
     * @param incoming readings as received, in any order, possibly repeated
     */
    public static ReadingMerge of(List<RegisterReading> known, List<RegisterReading> incoming) {
        TreeMap<Instant, RegisterReading> merged = new TreeMap<>();
        known.forEach(r -> merged.put(r.at(), r));
        List<RegisterReading> accepted = new ArrayList<>();
        for (RegisterReading reading : incoming) {
            if (merged.putIfAbsent(reading.at(), reading) == null) {
                accepted.add(reading);
            }
        }
        accepted.sort(java.util.Comparator.comparing(RegisterReading::at));
        Set<Interval> before = intervals(known);
        Set<Interval> after = intervals(List.copyOf(merged.values()));
        Map<Instant, QuarterTotal> changes = new TreeMap<>();
        for (Interval gone : before) {
            if (!after.contains(gone)) {
                gone.shares().forEach((quarter, share) -> changes.merge(quarter, share.negate(), QuarterTotal::plus));
            }
        }
        for (Interval added : after) {
            if (!before.contains(added)) {
                added.shares().forEach((quarter, share) -> changes.merge(quarter, share, QuarterTotal::plus));
            }
        }
        for (RegisterReading reading : accepted) {
            changes.merge(
                    Quarters.startOf(reading.at()),
                    new QuarterTotal(QuarterTotal.ZERO.kwh(), 1, 0, 0),
                    QuarterTotal::plus);
        }
        changes.values().removeIf(QuarterTotal::isZero);
        return new ReadingMerge(List.copyOf(accepted), incoming.size() - accepted.size(), changes);
    }

    private static Set<Interval> intervals(List<RegisterReading> readings) {
        Set<Interval> intervals = new HashSet<>();
        for (int i = 1; i < readings.size(); i++) {
            intervals.add(new Interval(readings.get(i - 1), readings.get(i)));
        }
        return intervals;
    }
}
