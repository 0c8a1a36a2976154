package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Weeks, months and years of local days, what they are compared with, and on how many days. */
class PeriodTest {

    private static final LocalDate THURSDAY = LocalDate.parse("2026-12-03");

    @Test
    void aWeekRunsFromMondayAndIsComparedWithTheWeekBeforeAndTheSameWeekdays52WeeksBefore() {
        Period week = Period.of(Period.Kind.WEEK, THURSDAY);
        assertThat(week.start()).hasToString("2026-11-30");
        assertThat(week.end()).hasToString("2026-12-07");
        assertThat(week.previous().start()).hasToString("2026-11-23");
        assertThat(week.yearBefore().start()).hasToString("2025-12-01");
        assertThat(week.yearBefore().start().getDayOfWeek())
                .isEqualTo(week.start().getDayOfWeek());
    }

    @Test
    void monthsAndYearsAreTheCalendars() {
        Period march = Period.of(Period.Kind.MONTH, LocalDate.parse("2024-03-31"));
        assertThat(march.days()).isEqualTo(31);
        assertThat(march.previous()).isEqualTo(Period.of(Period.Kind.MONTH, LocalDate.parse("2024-02-10")));
        assertThat(march.previous().days()).as("a leap February").isEqualTo(29);
        assertThat(march.yearBefore().start()).hasToString("2023-03-01");
        Period year = Period.of(Period.Kind.YEAR, THURSDAY);
        assertThat(year.start()).hasToString("2026-01-01");
        assertThat(year.previous()).isEqualTo(year.yearBefore());
    }

    @Test
    void aPeriodInProgressIsComparedOnItsDaysSoFar() {
        Period december = Period.of(Period.Kind.MONTH, THURSDAY);
        assertThat(december.daysSoFar(THURSDAY)).isEqualTo(3);
        assertThat(december.daysSoFar(LocalDate.parse("2027-01-15"))).as("over").isEqualTo(31);
        assertThat(december.daysSoFar(LocalDate.parse("2026-11-15")))
                .as("not begun")
                .isZero();
    }

    @Test
    void theChangeIsInWholePercentAndNoneWithoutABase() {
        assertThat(Period.change(new BigDecimal("112"), new BigDecimal("100"))).isEqualTo(12);
        assertThat(Period.change(new BigDecimal("8.5"), new BigDecimal("10"))).isEqualTo(-15);
        assertThat(Period.change(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
    }
}
