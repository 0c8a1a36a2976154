package org.ems.contracts.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TariffTest {

    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** 0.45 a kWh; weekdays 07:00-23:00 0.85; from March 0.50 and 0.90, weekends 12:00-14:00 0.20. */
    private static final Tariff RON = new Tariff(
            UUID.randomUUID(),
            "Home",
            Currency.getInstance("RON"),
            List.of(
                    new Tariff.Version(
                            LocalDate.parse("2026-03-01"),
                            new BigDecimal("0.50"),
                            List.of(
                                    new Tariff.Rate(WEEKDAYS, 7, 23, new BigDecimal("0.90")),
                                    new Tariff.Rate(
                                            EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                            12,
                                            14,
                                            new BigDecimal("0.20")))),
                    new Tariff.Version(
                            LocalDate.parse("2026-01-01"),
                            new BigDecimal("0.45"),
                            List.of(new Tariff.Rate(WEEKDAYS, 7, 23, new BigDecimal("0.85"))))));

    private static BigDecimal price(String localStart) {
        return RON.priceAt(LocalDateTime.parse(localStart)).orElseThrow();
    }

    @Test
    void anHourHasThePriceOfTheRateCoveringItsLocalStartElseTheVersions() {
        assertThat(price("2026-02-02T06:00")).isEqualByComparingTo("0.45"); // Monday, before 07:00
        assertThat(price("2026-02-02T07:00")).isEqualByComparingTo("0.85");
        assertThat(price("2026-02-02T22:00")).isEqualByComparingTo("0.85");
        assertThat(price("2026-02-02T23:00")).isEqualByComparingTo("0.45");
        assertThat(price("2026-02-07T12:00")).as("Saturday: no rate in January").isEqualByComparingTo("0.45");
    }

    @Test
    void theVersionValidOnTheLocalDateCountsSoANewOneNeverAltersPastHours() {
        assertThat(price("2026-02-28T23:00")).isEqualByComparingTo("0.45");
        assertThat(price("2026-03-01T00:00")).isEqualByComparingTo("0.50");
        assertThat(price("2026-03-02T08:00")).isEqualByComparingTo("0.90");
        assertThat(price("2026-03-07T13:00")).isEqualByComparingTo("0.20");
        assertThat(RON.priceAt(LocalDateTime.parse("2025-12-31T23:00")))
                .as("before the first version")
                .isEmpty();
    }

    @Test
    void eachHourOfAClockChangeDayIsPricedByItsOwnLocalTime() {
        ZoneId bucharest = ZoneId.of("Europe/Bucharest");
        // 2026-10-25 has 25 hours in Bucharest (03:00 twice), 2026-03-29 has 23 (no 03:00); both are Sundays
        assertThat(hoursOf(LocalDate.parse("2026-10-25"), bucharest)).hasSize(25);
        assertThat(hoursOf(LocalDate.parse("2026-03-29"), bucharest)).hasSize(23);
        long cheap = hoursOf(LocalDate.parse("2026-10-25"), bucharest).stream()
                .filter(start -> price(start.toLocalDateTime().toString()).compareTo(new BigDecimal("0.20")) == 0)
                .count();
        assertThat(cheap).as("12:00 and 13:00, once each").isEqualTo(2);
        // a half-hour zone's clock hours start at :00 local too
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        assertThat(hoursOf(LocalDate.parse("2026-03-02"), kolkata).get(7).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-03-02T07:00"));
        assertThat(price("2026-03-02T07:00")).isEqualByComparingTo("0.90");
    }

    private static List<ZonedDateTime> hoursOf(LocalDate day, ZoneId zone) {
        ZonedDateTime start = day.atStartOfDay(zone);
        ZonedDateTime end = day.plusDays(1).atStartOfDay(zone);
        List<ZonedDateTime> hours = new java.util.ArrayList<>();
        for (ZonedDateTime h = start; h.isBefore(end); h = h.plusHours(1)) {
            hours.add(h);
        }
        return hours;
    }

    @Test
    void aCostIsRoundedHalfEvenOnceToTheCurrencysMinorUnit() {
        assertThat(RON.cost(new BigDecimal("1.235"), new BigDecimal("1"))).isEqualByComparingTo("1.24");
        assertThat(RON.cost(new BigDecimal("1.225"), new BigDecimal("1"))).isEqualByComparingTo("1.22");
        assertThat(RON.cost(new BigDecimal("2.345"), new BigDecimal("0.85")).toPlainString())
                .isEqualTo("1.99");
        Tariff yen = new Tariff(UUID.randomUUID(), "JPY", Currency.getInstance("JPY"), RON.versions());
        assertThat(yen.cost(new BigDecimal("2.5"), new BigDecimal("31")).toPlainString())
                .isEqualTo("78");
    }

    @Test
    void ratesMustNotOverlapAndEveryPriceMustBeANumberOfAtMostSixDecimals() {
        assertThat(RON.problems()).isEmpty();
        Tariff bad = new Tariff(
                UUID.randomUUID(),
                "",
                Currency.getInstance("EUR"),
                List.of(new Tariff.Version(
                        LocalDate.parse("2026-01-01"),
                        new BigDecimal("-1"),
                        List.of(
                                new Tariff.Rate(Set.of(), 6, 10, new BigDecimal("0.3")),
                                new Tariff.Rate(Set.of(DayOfWeek.MONDAY), 9, 12, new BigDecimal("0.1234567")),
                                new Tariff.Rate(Set.of(), 22, 22, BigDecimal.ONE)))));
        assertThat(bad.problems().stream().map(e -> e.field() + ": " + e.message()))
                .containsExactly(
                        "name: name must have 1 to 200 characters",
                        "versions[0].price: a price is a number of at least 0 with at most 6 decimals",
                        "versions[0].rates[1].price: a price is a number of at least 0 with at most 6 decimals",
                        "versions[0].rates[1]: overlaps rates[0]",
                        "versions[0].rates[2]: from and to are whole hours, from before to (24:00 ends a day)");
    }
}
