package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * A week (Monday to Sunday), month or year of local days, {@code [start, end)}, and what it is compared with: the
 * period before it and the same period a year before (the week 52 weeks before: the same weekdays).
 */
public record Period(Kind kind, LocalDate start, LocalDate end) implements java.io.Serializable {

    public enum Kind {
        WEEK,
        MONTH,
        YEAR
    }

    /** The period of this kind holding {@code day}. */
    public static Period of(Kind kind, LocalDate day) {
        LocalDate start = switch (kind) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
        LocalDate end = switch (kind) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
        return new Period(kind, start, end);
    }

    public Period previous() {
        return of(kind, start.minusDays(1));
    }

    public Period yearBefore() {
        return kind == Kind.WEEK ? of(kind, start.minusWeeks(52)) : of(kind, start.minusYears(1));
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(start, end);
    }

    /** The days a comparison counts: all, or those up to {@code today} (inclusive) while the period is in progress. */
    public int daysSoFar(LocalDate today) {
        if (!today.isBefore(end)) {
            return days();
        }
        return today.isBefore(start) ? 0 : (int) ChronoUnit.DAYS.between(start, today) + 1;
    }

    /**
     * The change from {@code before} to {@code now} in whole percent ("+12%"), or null when there was nothing before
     * to compare with.
     */
    public static Integer change(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before)
                .multiply(BigDecimal.valueOf(100))
                .divide(before, 0, RoundingMode.HALF_UP)
                .intValueExact();
    }
}
