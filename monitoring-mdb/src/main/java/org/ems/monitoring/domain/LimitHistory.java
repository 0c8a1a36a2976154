package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A device's limits over time, and the alert rule: an hour is judged by the limit in force when it started. So
 * lowering a limit applies to hours still to come, and a late reading of an earlier hour meets that hour's limit.
 *
 * @param limits each limit by the instant from which it is in force ({@link #ALWAYS} for the device's first one)
 */
public record LimitHistory(NavigableMap<Instant, BigDecimal> limits) {

    /** The start of every hour EMS can hold (readings before 2000 are refused): a device's first limit applies from here. */
    public static final Instant ALWAYS = Instant.EPOCH;

    public LimitHistory {
        limits = Collections.unmodifiableNavigableMap(new TreeMap<>(limits));
    }

    /** The limit in force at {@code instant}, or {@code current} when the history holds none that early. */
    public BigDecimal inForceAt(Instant instant, BigDecimal current) {
        Map.Entry<Instant, BigDecimal> entry = limits.floorEntry(instant);
        return entry != null ? entry.getValue() : current;
    }

    /**
     * The limit the hour's total exceeds, if it does (an alert is due).
     *
     * @param current the device's limit now, for an hour before any limit the history holds
     */
    public Optional<BigDecimal> exceededBy(ClockHours.Hour hour, HourTotal total, BigDecimal current) {
        BigDecimal limit = inForceAt(hour.start(), current);
        return total.kwh().compareTo(limit) > 0 ? Optional.of(limit) : Optional.empty();
    }

    /** Why an alerted hour's alert is withdrawn: its total is within the limit after all. */
    public static String withinLimit(HourTotal total) {
        return "late readings put the hour within its limit: "
                + total.kwh().stripTrailingZeros().toPlainString() + " kWh";
    }
}
