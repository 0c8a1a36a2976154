package org.ems.monitoring.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.ems.monitoring.domain.Period;

/**
 * A device's week, month or year: a bar per day (a year: per month), the period's kWh and cost so far, and the change
 * against the period before and the same period a year before, on the same number of days ({@code daysCompared}).
 *
 * @param cost null without a tariff
 * @param currency null without a tariff
 * @param vsPrevious whole percent, or null when the period before had nothing
 * @param vsYearBefore whole percent, or null when that period had nothing
 */
public record PeriodSummary(
        Period period,
        List<Bar> bars,
        BigDecimal kwh,
        BigDecimal cost,
        String currency,
        int daysCompared,
        Integer vsPrevious,
        Integer vsYearBefore)
        implements java.io.Serializable {

    /** A day's or month's total; cost null without a tariff. */
    public record Bar(LocalDate start, BigDecimal kwh, BigDecimal cost) implements java.io.Serializable {}
}
