package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Turns a device's register readings into consumption per clock hour: the energy between two consecutive readings
 * ({@code later - earlier}) is spread evenly over the time between them and added to the hours that interval
 * overlaps. The first reading only sets the baseline; a register that goes down adds nothing and flags the hours it
 * touches {@link HourFlag#RESET}; an interval longer than an hour flags them {@link HourFlag#ESTIMATED}.
 */
public final class HourlyConsumption {

    /** Totals are exact to the micro-kWh (the precision readings are stored with). */
    public static final int SCALE = 6;

    private static final MathContext PRECISION = MathContext.DECIMAL128;
    private static final Duration ONE_HOUR = Duration.ofHours(1);

    private HourlyConsumption() {}

    /**
     * Every clock hour of {@code day} in {@code zone}, in order.
     *
     * @param readings one device's readings in timestamp order without duplicates; to be complete they include the
     *     last reading before the day and the first one after it
     */
    public static List<HourTotal> ofDay(List<RegisterReading> readings, LocalDate day, ZoneId zone) {
        List<ClockHours.Hour> hours = ClockHours.of(day, zone);
        BigDecimal[] energy = new BigDecimal[hours.size()];
        int[] counts = new int[hours.size()];
        List<EnumSet<HourFlag>> flags = new ArrayList<>(hours.size());
        for (int h = 0; h < hours.size(); h++) {
            energy[h] = BigDecimal.ZERO;
            flags.add(EnumSet.noneOf(HourFlag.class));
        }
        for (int i = 0; i < readings.size(); i++) {
            RegisterReading later = readings.get(i);
            for (int h = 0; h < hours.size(); h++) {
                if (hours.get(h).contains(later.at())) {
                    counts[h]++;
                }
            }
            if (i == 0) {
                continue;
            }
            RegisterReading earlier = readings.get(i - 1);
            if (!earlier.at().isBefore(later.at())) {
                throw new IllegalArgumentException("readings must be in strictly increasing time order");
            }
            addInterval(earlier, later, hours, energy, flags);
        }
        List<HourTotal> totals = new ArrayList<>(hours.size());
        for (int h = 0; h < hours.size(); h++) {
            ClockHours.Hour hour = hours.get(h);
            totals.add(new HourTotal(hour.start().atOffset(hour.offset()),
                    energy[h].setScale(SCALE, RoundingMode.HALF_EVEN), counts[h], flags.get(h)));
        }
        return totals;
    }

    private static void addInterval(RegisterReading earlier, RegisterReading later, List<ClockHours.Hour> hours,
            BigDecimal[] energy, List<EnumSet<HourFlag>> flags) {
        BigDecimal delta = later.kwh().subtract(earlier.kwh());
        Duration length = Duration.between(earlier.at(), later.at());
        boolean reset = delta.signum() < 0;
        boolean estimated = length.compareTo(ONE_HOUR) > 0;
        BigDecimal lengthNanos = new BigDecimal(length.toNanos());
        for (int h = 0; h < hours.size(); h++) {
            ClockHours.Hour hour = hours.get(h);
            Instant from = max(earlier.at(), hour.start());
            Instant to = min(later.at(), hour.end());
            if (!from.isBefore(to)) {
                continue;
            }
            if (reset) {
                flags.get(h).add(HourFlag.RESET);
                continue;
            }
            if (estimated) {
                flags.get(h).add(HourFlag.ESTIMATED);
            }
            BigDecimal share = delta.multiply(new BigDecimal(Duration.between(from, to).toNanos()))
                    .divide(lengthNanos, PRECISION);
            energy[h] = energy[h].add(share);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
