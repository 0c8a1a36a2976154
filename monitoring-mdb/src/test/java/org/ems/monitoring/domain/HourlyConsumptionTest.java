package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HourlyConsumptionTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final LocalDate DAY = LocalDate.parse("2026-03-10");

    private static RegisterReading reading(String instant, String kwh) {
        return new RegisterReading(Instant.parse(instant), new BigDecimal(kwh));
    }

    private static BigDecimal kwh(String value) {
        return new BigDecimal(value).setScale(HourlyConsumption.SCALE);
    }

    @Test
    void theFirstReadingOnlySetsTheBaseline() {
        var hours = MemoryLedger.ofDay(List.of(reading("2026-03-10T10:10:00Z", "100")), DAY, UTC);
        assertThat(hours).hasSize(24).allSatisfy(h -> assertThat(h.kwh()).isEqualByComparingTo("0"));
        assertThat(hours.get(10).readings()).isEqualTo(1);
    }

    @Test
    void spreadsAnIntervalEvenlyOverTheHoursItOverlaps() {
        // 3 kWh from 10:30 to 12:00: half an hour in hour 10, a full hour in hour 11.
        var hours = MemoryLedger.ofDay(
                List.of(reading("2026-03-10T10:30:00Z", "100"), reading("2026-03-10T12:00:00Z", "103")), DAY, UTC);
        assertThat(hours.get(10).kwh()).isEqualTo(kwh("1"));
        assertThat(hours.get(11).kwh()).isEqualTo(kwh("2"));
        assertThat(hours.get(12).kwh()).isEqualTo(kwh("0"));
        assertThat(hours.get(10).flags()).containsExactly(HourFlag.ESTIMATED);
        assertThat(hours.get(12).readings()).isEqualTo(1);
    }

    @Test
    void tenMinuteReadingsAddUpPerHourAndAreCounted() {
        List<RegisterReading> readings = new ArrayList<>();
        Instant t = Instant.parse("2026-03-10T00:00:00Z");
        for (int i = 0; i <= 6 * 24; i++) {
            readings.add(new RegisterReading(
                    t.plus(Duration.ofMinutes(10L * i)), new BigDecimal("0.25").multiply(BigDecimal.valueOf(i))));
        }
        var hours = MemoryLedger.ofDay(readings, DAY, UTC);
        assertThat(hours).allSatisfy(h -> {
            assertThat(h.kwh()).isEqualTo(kwh("1.5"));
            assertThat(h.readings()).isEqualTo(6);
            assertThat(h.flags()).isEmpty();
        });
    }

    @Test
    void anIntervalAcrossMidnightCountsOnlyItsPartOfTheDay() {
        var hours = MemoryLedger.ofDay(
                List.of(reading("2026-03-09T23:30:00Z", "10"), reading("2026-03-10T00:30:00Z", "12")), DAY, UTC);
        assertThat(hours.get(0).kwh()).isEqualTo(kwh("1"));
        assertThat(hours.get(0).readings()).isEqualTo(1);
    }

    @Test
    void aRegisterThatGoesDownAddsNothingAndFlagsReset() {
        var hours = MemoryLedger.ofDay(
                List.of(
                        reading("2026-03-10T05:00:00Z", "500"),
                        reading("2026-03-10T05:20:00Z", "3"),
                        reading("2026-03-10T05:40:00Z", "4")),
                DAY,
                UTC);
        assertThat(hours.get(5).kwh()).isEqualTo(kwh("1"));
        assertThat(hours.get(5).flags()).isEqualTo(Set.of(HourFlag.RESET));
        assertThat(hours.get(6).flags()).isEmpty();
    }

    @ParameterizedTest(name = "{0} on {1} has {2} hours")
    @CsvSource({
        "Europe/Bucharest, 2026-03-29, 23",
        "Europe/Bucharest, 2026-10-25, 25",
        "Europe/Bucharest, 2026-06-01, 24",
        "America/New_York, 2026-03-08, 23",
        "America/New_York, 2026-11-01, 25",
        "Asia/Kolkata, 2026-03-29, 24",
        "Australia/Lord_Howe, 2026-10-04, 24",
        "Australia/Lord_Howe, 2026-04-05, 25",
    })
    void aDayHasAsManyClockHoursAsItsWallClockShows(String zone, LocalDate day, int hours) {
        var clockHours = ClockHours.of(day, ZoneId.of(zone));
        assertThat(clockHours).hasSize(hours);
        Duration total = Duration.between(
                clockHours.get(0).start(), clockHours.get(hours - 1).end());
        assertThat(total)
                .isEqualTo(Duration.between(
                        day.atStartOfDay(ZoneId.of(zone)).toInstant(),
                        day.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant()));
    }

    @Test
    void theRepeatedHourOfAnAutumnDayIsTwoHoursWithTheirOwnOffsets() {
        var hours = ClockHours.of(LocalDate.parse("2026-10-25"), ZoneId.of("Europe/Bucharest"));
        assertThat(hours.get(3).start().atOffset(hours.get(3).offset()))
                .isEqualTo(OffsetDateTime.parse("2026-10-25T03:00:00+03:00"));
        assertThat(hours.get(4).start().atOffset(hours.get(4).offset()))
                .isEqualTo(OffsetDateTime.parse("2026-10-25T03:00:00+02:00"));
    }

    @Test
    void kolkataHoursStartAtHalfPastUtc() {
        var hours = ClockHours.of(LocalDate.parse("2026-03-29"), ZoneId.of("Asia/Kolkata"));
        assertThat(hours)
                .allSatisfy(h -> assertThat(h.start().atOffset(ZoneOffset.UTC).getMinute())
                        .isEqualTo(30));
    }

    @Test
    void lordHoweSpringShiftMakesAHalfHour() {
        var hours = ClockHours.of(LocalDate.parse("2026-10-04"), ZoneId.of("Australia/Lord_Howe"));
        assertThat(hours)
                .filteredOn(h -> Duration.between(h.start(), h.end()).equals(Duration.ofMinutes(30)))
                .singleElement()
                .satisfies(h -> assertThat(h.start().atOffset(h.offset()))
                        .isEqualTo(OffsetDateTime.parse("2026-10-04T02:30:00+11:00")));
    }

    @Test
    void energyOnADstDayIsConserved() {
        ZoneId zone = ZoneId.of("Europe/Bucharest");
        LocalDate day = LocalDate.parse("2026-10-25");
        Instant start = day.atStartOfDay(zone).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        var hours = MemoryLedger.ofDay(
                List.of(new RegisterReading(start, BigDecimal.ZERO), new RegisterReading(end, new BigDecimal("25"))),
                day,
                zone);
        assertThat(hours).hasSize(25).allSatisfy(h -> assertThat(h.kwh()).isEqualTo(kwh("1")));
    }
}
