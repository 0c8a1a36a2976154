package org.ems.monitoring.domain;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.NavigableMap;

/**
 * A device's consumption per clock hour of its zone, from its quarter totals (see {@link Interval} for what is
 * booked, {@link ReadingMerge} for how readings change the bookings).
 */
public final class HourlyConsumption {

    /** Hour totals are shown to the micro-kWh (the precision readings are stored with). */
    public static final int SCALE = 6;

    private HourlyConsumption() {}

    /**
     * Every clock hour of {@code day} in {@code zone}, in order.
     *
     * @param quarters the device's quarter totals, at least those of the day
     */
    public static List<HourTotal> ofDay(NavigableMap<Instant, QuarterTotal> quarters, LocalDate day, ZoneId zone) {
        List<HourTotal> totals = new ArrayList<>(25);
        for (ClockHours.Hour hour : ClockHours.of(day, zone)) {
            totals.add(of(hour, quarters));
        }
        return totals;
    }

    /** One clock hour's total from the quarter totals (at least those of the hour). */
    public static HourTotal of(ClockHours.Hour hour, NavigableMap<Instant, QuarterTotal> quarters) {
        QuarterTotal sum = QuarterTotal.ZERO;
        for (QuarterTotal quarter :
                quarters.subMap(hour.start(), true, hour.end(), false).values()) {
            sum = sum.plus(quarter);
        }
        EnumSet<HourFlag> flags = EnumSet.noneOf(HourFlag.class);
        if (sum.resets() > 0) {
            flags.add(HourFlag.RESET);
        }
        if (sum.estimates() > 0) {
            flags.add(HourFlag.ESTIMATED);
        }
        return new HourTotal(
                hour.start().atOffset(hour.offset()),
                sum.kwh().setScale(SCALE, RoundingMode.HALF_EVEN),
                sum.readings(),
                flags);
    }
}
