package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Readings delivered late, out of order, repeated and in batches of any size leave exactly the totals of the same
 * readings delivered once, in order: checked on thousands of generated histories around DST changes.
 */
class ReadingMergeTest {

    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Bucharest"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("UTC"));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void anyShuffleDuplicationAndBatchingGivesTheInOrderTotals(long seed) {
        Random random = new Random(seed);
        for (int history = 0; history < 300; history++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            List<RegisterReading> readings = history(random, zone);
            MemoryLedger inOrder = new MemoryLedger();
            readings.forEach(r -> inOrder.receive(List.of(r)));

            List<RegisterReading> delivered = new ArrayList<>(readings);
            int copies = random.nextInt(readings.size());
            for (int i = 0; i < copies; i++) {
                delivered.add(readings.get(random.nextInt(readings.size())));
            }
            Collections.shuffle(delivered, random);
            MemoryLedger shuffled = new MemoryLedger();
            for (int from = 0; from < delivered.size(); ) {
                int to = Math.min(delivered.size(), from + 1 + random.nextInt(random.nextBoolean() ? 1 : 12));
                shuffled.receive(delivered.subList(from, to));
                from = to;
            }

            String context = "seed " + seed + ", history " + history + " in " + zone + ": " + readings;
            assertThat(nonZero(shuffled.quarters)).as(context).isEqualTo(nonZero(inOrder.quarters));
            assertThat(shuffled.duplicates).as(context).isEqualTo(copies);
            for (LocalDate day = localDay(readings.get(0), zone);
                    !day.isAfter(localDay(readings.get(readings.size() - 1), zone));
                    day = day.plusDays(1)) {
                assertThat(shuffled.day(day, zone)).as(context).isEqualTo(inOrder.day(day, zone));
            }
        }
    }

    @Test
    void energyIsConservedAcrossEveryZoneAndDstDay() {
        Random random = new Random(42);
        for (int history = 0; history < 500; history++) {
            ZoneId zone = ZONES.get(random.nextInt(ZONES.size()));
            List<RegisterReading> readings = history(random, zone);
            MemoryLedger ledger = new MemoryLedger();
            List<RegisterReading> shuffled = new ArrayList<>(readings);
            Collections.shuffle(shuffled, random);
            shuffled.forEach(r -> ledger.receive(List.of(r)));

            BigDecimal expected = BigDecimal.ZERO;
            for (int i = 1; i < readings.size(); i++) {
                BigDecimal delta =
                        readings.get(i).kwh().subtract(readings.get(i - 1).kwh());
                expected = expected.add(delta.max(BigDecimal.ZERO));
            }
            BigDecimal hours = BigDecimal.ZERO;
            int count = 0;
            for (LocalDate day = localDay(readings.get(0), zone);
                    !day.isAfter(localDay(readings.get(readings.size() - 1), zone));
                    day = day.plusDays(1)) {
                for (HourTotal hour : ledger.day(day, zone)) {
                    hours = hours.add(hour.kwh());
                    count += hour.readings();
                }
            }
            // Each hour is rounded to the micro-kWh: the sum may differ by half a micro-kWh per hour at most.
            assertThat(hours.subtract(expected).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.000001").multiply(BigDecimal.valueOf(readings.size() + 48)));
            assertThat(count).isEqualTo(readings.size());
        }
    }

    @Test
    void aLateReadingInsideALongGapTakesTheEstimatedFlagFromTheHoursItNowMeasures() {
        MemoryLedger ledger = new MemoryLedger()
                .receive(List.of(reading("2026-03-10T10:00:00Z", "100"), reading("2026-03-10T13:00:00Z", "103")));
        LocalDate day = LocalDate.parse("2026-03-10");
        assertThat(ledger.day(day, ZoneId.of("UTC")).get(11).flags()).containsExactly(HourFlag.ESTIMATED);

        ledger.receive(List.of(reading("2026-03-10T11:00:00Z", "101"), reading("2026-03-10T12:00:00Z", "102.5")));
        List<HourTotal> hours = ledger.day(day, ZoneId.of("UTC"));
        assertThat(hours.get(10).flags()).isEmpty();
        assertThat(hours.get(11).kwh()).isEqualByComparingTo("1.5");
        assertThat(hours.get(12).kwh()).isEqualByComparingTo("0.5");
        assertThat(hours.get(11).flags()).isEmpty();
    }

    @Test
    void aLateReadingThatRevealsAResetFlagsOnlyTheIntervalWhereTheRegisterWentDown() {
        MemoryLedger ledger = new MemoryLedger()
                .receive(List.of(reading("2026-03-10T10:00:00Z", "100"), reading("2026-03-10T10:40:00Z", "104")));
        ledger.receive(List.of(reading("2026-03-10T10:20:00Z", "0.5")));
        HourTotal hour =
                ledger.day(LocalDate.parse("2026-03-10"), ZoneId.of("UTC")).get(10);
        assertThat(hour.kwh()).isEqualByComparingTo("103.5");
        assertThat(hour.flags()).containsExactly(HourFlag.RESET);
        assertThat(hour.readings()).isEqualTo(3);
    }

    @Test
    void aGapOfOverAMonthIsNotSpreadButMarkedAndALateReadingInsideItSpreadsThePieces() {
        MemoryLedger ledger = new MemoryLedger()
                .receive(List.of(reading("2026-01-01T00:00:00Z", "100"), reading("2026-02-10T00:00:00Z", "1060")));
        assertThat(ledger.quarters).hasSize(2); // the two readings' quarters, nothing in between
        assertThat(ledger.day(LocalDate.parse("2026-02-10"), ZoneId.of("UTC"))
                        .get(0)
                        .flags())
                .containsExactly(HourFlag.ESTIMATED);
        assertThat(ledger.quarters.values().stream().map(QuarterTotal::kwh).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");

        ledger.receive(List.of(reading("2026-01-21T00:00:00Z", "580"))); // 20 days, 480 kWh: 1 kWh per hour
        assertThat(ledger.day(LocalDate.parse("2026-01-10"), ZoneId.of("UTC")))
                .allSatisfy(h -> assertThat(h.kwh()).isEqualByComparingTo("1"));
        assertThat(ledger.day(LocalDate.parse("2026-02-09"), ZoneId.of("UTC")))
                .allSatisfy(h -> assertThat(h.kwh()).isEqualByComparingTo("1"));
        assertThat(ledger.day(LocalDate.parse("2026-02-10"), ZoneId.of("UTC"))
                        .get(0)
                        .flags())
                .isEmpty();
    }

    @Test
    void aDuplicateWithAnotherValueIsStillTheFirstOne() {
        MemoryLedger ledger = new MemoryLedger()
                .receive(List.of(reading("2026-03-10T10:00:00Z", "100"), reading("2026-03-10T10:30:00Z", "101")));
        ledger.receive(List.of(reading("2026-03-10T10:30:00Z", "150")));
        assertThat(ledger.duplicates).isEqualTo(1);
        assertThat(ledger.day(LocalDate.parse("2026-03-10"), ZoneId.of("UTC"))
                        .get(10)
                        .kwh())
                .isEqualByComparingTo("1");
    }

    @Test
    void lordHowesHalfHourGetsHalfTheEnergyOfAnEvenLoad() {
        ZoneId zone = ZoneId.of("Australia/Lord_Howe");
        LocalDate day = LocalDate.parse("2026-10-04");
        Instant start = day.atStartOfDay(zone).toInstant();
        List<RegisterReading> readings = new ArrayList<>();
        for (int i = 0; i <= 6 * 24; i++) { // 1 kWh per hour, every 10 minutes
            readings.add(new RegisterReading(
                    start.plus(Duration.ofMinutes(10L * i)),
                    BigDecimal.valueOf(i, 0).divide(BigDecimal.valueOf(6), 12, java.math.RoundingMode.HALF_EVEN)));
        }
        List<HourTotal> hours = MemoryLedger.ofDay(readings, day, zone);
        assertThat(hours).hasSize(24);
        assertThat(hours)
                .filteredOn(h -> h.start().getMinute() == 30)
                .singleElement()
                .satisfies(h -> assertThat(h.kwh()).isEqualByComparingTo("0.5"));
    }

    /** 2-60 readings of one meter near a DST change of the zone (or any day), with gaps, resets and odd seconds. */
    private static List<RegisterReading> history(Random random, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules()
                .nextTransition(Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(random.nextInt(365))));
        Instant start = (transition == null ? Instant.parse("2026-06-01T00:00:00Z") : transition.getInstant())
                .minus(Duration.ofMinutes(random.nextInt(48 * 60)));
        List<RegisterReading> readings = new ArrayList<>();
        Instant at = start;
        BigDecimal register = BigDecimal.valueOf(random.nextInt(100_000), 3);
        int n = 2 + random.nextInt(59);
        for (int i = 0; i < n; i++) {
            readings.add(new RegisterReading(at, register));
            int kind = random.nextInt(20);
            Duration step = kind == 0
                    ? Duration.ofMinutes(61 + random.nextInt(300)) // a gap: estimated
                    : kind == 1
                            ? Duration.ofSeconds(1 + random.nextInt(600)) // an odd, short interval
                            : Duration.ofMinutes(10);
            at = at.plus(step);
            register = kind == 2
                    ? BigDecimal.valueOf(random.nextInt(1000), 3) // a reset or new meter
                    : register.add(BigDecimal.valueOf(random.nextInt(2000), 3));
        }
        return readings;
    }

    private static Map<Instant, QuarterTotal> nonZero(Map<Instant, QuarterTotal> quarters) {
        Map<Instant, QuarterTotal> result = new TreeMap<>();
        quarters.forEach((quarter, total) -> {
            if (!total.isZero()) {
                result.put(
                        quarter,
                        new QuarterTotal(
                                total.kwh().stripTrailingZeros(), total.readings(), total.resets(), total.estimates()));
            }
        });
        return result;
    }

    private static LocalDate localDay(RegisterReading reading, ZoneId zone) {
        return reading.at().atZone(zone).toLocalDate();
    }

    private static RegisterReading reading(String instant, String kwh) {
        return new RegisterReading(Instant.parse(instant), new BigDecimal(kwh));
    }
}
