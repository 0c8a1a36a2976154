package org.ems.simulator.meter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Faults a meter can be told to show, for QA of EMS's exactly-once hourly totals. */
public enum Fault {
    /** Every 7th reading is sent twice (the copy without a duplicate id, so it reaches EMS). */
    DUPLICATES,
    /** Every 5th pair of readings is sent in reverse order. */
    REORDER,
    /** Every 11th reading is held back and sent 6 intervals late. */
    LATE,
    /** Readings 30 to 50 are never sent: a gap of over three hours at 10-minute intervals. */
    GAP,
    /** From reading 60 on the register restarts from zero: a replaced meter. */
    RESET,
    /** Start at midnight of the next DST change day in the meter's zone (unless --start is given). */
    DST;

    /** Midnight (local) of the next day with a DST change in the zone: where the {@link #DST} fault starts. */
    public static Instant nextDstDay(ZoneId zone) {
        var transition = zone.getRules().nextTransition(Instant.now());
        if (transition == null) {
            throw new IllegalArgumentException(zone + " has no DST change ahead; choose --zone or --start");
        }
        LocalDate day = transition.getDateTimeBefore().toLocalDate();
        return day.atStartOfDay(zone).toInstant();
    }
}
