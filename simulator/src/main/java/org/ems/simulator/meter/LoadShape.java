package org.ems.simulator.meter;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;

/**
 * Kinds of consumers, shaped from a household profile ({@code sensor.csv}): each interval's consumption weighted by
 * the time of the week, plus a load of its own. Times count from the profile's start, a Monday at midnight.
 */
public enum LoadShape {
    /** The profile as it is. */
    HOUSEHOLD,
    /** Open Monday to Saturday 08:00-20:00 (lights, tills, cooling); refrigeration only otherwise. */
    SHOP,
    /** Heating all day, most on cold mornings and evenings. */
    HEAT_PUMP,
    /** A household whose car charges at 7.2 kW on weekday evenings, 18:00-21:00. */
    EV;

    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 1, 5, 0, 0);
    private static final BigDecimal CHARGER_KW = new BigDecimal("7.2");

    /** {@code heat-pump} and the like, in any case. */
    public static LoadShape of(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "--profile must be one of " + Arrays.toString(labels()) + ", not '" + text + "'");
        }
    }

    static String[] labels() {
        return Arrays.stream(values()).map(LoadShape::label).toArray(String[]::new);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The consumption of the interval ending at step {@code i}, given the household's {@code energy} there. */
    BigDecimal energy(long i, Duration interval, BigDecimal energy) {
        LocalDateTime at = MONDAY.plus(interval.multipliedBy(i));
        int hour = at.getHour();
        boolean weekday = at.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue();
        return switch (this) {
            case HOUSEHOLD -> energy;
            case SHOP ->
                energy.multiply(
                        at.getDayOfWeek() != DayOfWeek.SUNDAY && hour >= 8 && hour < 20
                                ? new BigDecimal("3.0")
                                : new BigDecimal("0.15"));
            case HEAT_PUMP ->
                energy.multiply(
                        (hour >= 5 && hour < 9) || (hour >= 17 && hour < 22)
                                ? new BigDecimal("2.4")
                                : new BigDecimal("1.6"));
            case EV ->
                weekday && hour >= 18 && hour < 21
                        ? energy.add(CHARGER_KW
                                .multiply(BigDecimal.valueOf(interval.toSeconds()))
                                .divide(BigDecimal.valueOf(3600), 6, java.math.RoundingMode.HALF_EVEN))
                        : energy;
        };
    }
}
