package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The projection of the hour in progress: the contract's rule, and when it must not project. */
class ProjectionTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Bucharest");
    private static final ClockHours.Hour HOUR = ClockHours.containing(Instant.parse("2026-05-06T11:00:00Z"), ZONE);
    private static final BigDecimal LIMIT = new BigDecimal("2.0");

    /** Register readings every 5 minutes from the hour's start up to {@code minutes}, adding {@code perReading} kWh each. */
    private static List<RegisterReading> every5Minutes(int minutes, String... perReading) {
        List<RegisterReading> readings = new ArrayList<>();
        BigDecimal register = new BigDecimal("100");
        for (int m = 0, i = 0; m <= minutes; m += 5, i++) {
            if (m > 0) {
                register = register.add(new BigDecimal(perReading[Math.min(i - 1, perReading.length - 1)]));
            }
            readings.add(new RegisterReading(HOUR.start().plusSeconds(60L * m), register));
        }
        return readings;
    }

    private static BigDecimal soFar(List<RegisterReading> readings) {
        return readings.get(readings.size() - 1).kwh().subtract(readings.get(0).kwh());
    }

    private static Optional<Projection> at(int minute, List<RegisterReading> readings) {
        return Projection.over(
                HOUR, soFar(readings), LIMIT, readings, HOUR.start().plusSeconds(60L * minute));
    }

    @Test
    void aSteadyRateOverTheLimitProjectsTheHourAndWhenTheLimitIsCrossed() {
        // 0.2 kWh every 5 minutes: 2.4 kWh in the hour; 0.8 at 14:20 (local), the limit at 14:50
        List<RegisterReading> readings = every5Minutes(20, "0.2");
        Projection projection = at(20, readings).orElseThrow();
        assertThat(projection.projectedKwh()).isEqualByComparingTo("2.4");
        assertThat(projection.expectedAt()).isEqualTo(HOUR.start().plusSeconds(50 * 60));
    }

    @Test
    void aSteadyRateWithinTheLimitDoesNotProject() {
        assertThat(at(20, every5Minutes(20, "0.1"))).isEmpty(); // 1.2 kWh
        assertThat(at(20, every5Minutes(20, "0.1666"))).as("1.9992 kWh, within").isEmpty();
    }

    @Test
    void onlyTheRateOfTheLast15MinutesCounts() {
        // slow for 20 minutes (0.05 per 5), then 0.3 per 5: 1.4 kWh at minute 40, then 0.06 kWh/min for 20 minutes
        List<RegisterReading> rising = every5Minutes(40, "0.05", "0.05", "0.05", "0.05", "0.3");
        Projection projection = at(40, rising).orElseThrow();
        assertThat(projection.projectedKwh()).isEqualByComparingTo("2.6");
        assertThat(projection.expectedAt()).isEqualTo(HOUR.start().plusSeconds(50 * 60));
        // falling: a fast start, then nearly nothing: the early energy is counted, the early rate is not
        List<RegisterReading> falling = every5Minutes(40, "0.3", "0.3", "0.3", "0.3", "0.01");
        assertThat(at(40, falling)).as("1.24 so far, then 0.002 kWh/min: 1.28").isEmpty();
    }

    @Test
    void notWithLessThanFiveMinutesLeftNorTwoRecentReadingsNorOverTheLimitAlready() {
        assertThat(at(56, every5Minutes(55, "0.2"))).as("4 minutes left").isEmpty();
        assertThat(at(55, every5Minutes(55, "0.2")))
                .as("over the limit already: OVER_LIMIT says it")
                .isEmpty();
        List<RegisterReading> lone = List.of(new RegisterReading(HOUR.start().plusSeconds(600), new BigDecimal("1.5")));
        assertThat(Projection.over(
                        HOUR, new BigDecimal("1.5"), LIMIT, lone, HOUR.start().plusSeconds(600)))
                .as("one reading: no rate")
                .isEmpty();
    }

    @Test
    void readingsOfThePastNeverProject() {
        List<RegisterReading> readings = every5Minutes(20, "0.2");
        assertThat(at(80, readings)).as("the hour is over").isEmpty();
        assertThat(at(-10, readings)).as("the hour has not begun by the clock").isEmpty();
        assertThat(at(40, readings))
                .as("its latest readings are older than 15 minutes")
                .isEmpty();
    }

    @Test
    void aRegisterResetDoesNotProject() {
        List<RegisterReading> reset = new ArrayList<>(every5Minutes(15, "0.3"));
        reset.add(new RegisterReading(HOUR.start().plusSeconds(20 * 60), BigDecimal.ONE));
        assertThat(at(20, reset.subList(2, reset.size()))).isEmpty();
    }
}
