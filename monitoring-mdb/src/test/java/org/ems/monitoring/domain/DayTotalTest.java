package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DayTotalTest {

    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");

    @Test
    void aDayIsTheSumOfItsHoursEvenOnADaylightSavingDay() {
        LocalDate day = LocalDate.parse("2026-03-29"); // 23 hours in Bucharest
        TreeMap<Instant, QuarterTotal> quarters = new TreeMap<>();
        Instant start = day.atStartOfDay(BUCHAREST).toInstant();
        for (int q = 0; q < 23 * 4; q++) {
            quarters.put(start.plusSeconds(900L * q), new QuarterTotal(new BigDecimal("0.25"), 1, 0, q == 5 ? 1 : 0));
        }
        List<HourTotal> hours = HourlyConsumption.ofDay(quarters, day, BUCHAREST);
        assertThat(hours).hasSize(23);

        DayTotal total = DayTotal.of(day, hours);
        assertThat(total.kwh()).isEqualByComparingTo("23");
        assertThat(total.readings()).isEqualTo(92);
        assertThat(total.flags()).containsExactly(HourFlag.ESTIMATED);
    }

    @Test
    void aDayWithoutDataIsZero() {
        DayTotal total = DayTotal.of(LocalDate.parse("2026-05-01"), List.of());
        assertThat(total.kwh()).isEqualByComparingTo("0");
        assertThat(total.readings()).isZero();
        assertThat(total.flags()).isEmpty();
    }
}
