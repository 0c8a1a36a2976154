package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The alert rule: an hour is judged by the limit in force when it started. */
class LimitHistoryTest {

    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** 1 kWh from the start, 0.5 from 10:20 UTC on 2026-05-09 (13:20 in Bucharest). */
    private final LimitHistory lowered = new LimitHistory(
            new TreeMap<>(Map.of(LimitHistory.ALWAYS, ONE, Instant.parse("2026-05-09T10:20:00Z"), HALF)));

    @Test
    void anHourIsJudgedByTheLimitInForceWhenItStarted() {
        ClockHours.Hour before = ClockHours.containing(Instant.parse("2026-05-09T10:30:00Z"), BUCHAREST);
        ClockHours.Hour after = ClockHours.containing(Instant.parse("2026-05-09T11:00:00Z"), BUCHAREST);

        assertThat(lowered.exceededBy(before, total("0.9"), HALF))
                .as("lowered during the hour: the old limit")
                .isEmpty();
        assertThat(lowered.exceededBy(before, total("1.01"), HALF)).contains(ONE);
        assertThat(lowered.exceededBy(after, total("0.6"), HALF))
                .as("the hour after the change")
                .contains(HALF);
        assertThat(lowered.exceededBy(after, total("0.5"), HALF))
                .as("exactly the limit is not over it")
                .isEmpty();
    }

    @Test
    void aChangeExactlyAtTheStartOfAnHourAppliesToThatHour() {
        ClockHours.Hour atChange = new ClockHours.Hour(
                Instant.parse("2026-05-09T10:20:00Z"), Instant.parse("2026-05-09T11:20:00Z"), java.time.ZoneOffset.UTC);
        assertThat(lowered.inForceAt(atChange.start(), ONE)).isEqualByComparingTo(HALF);
        assertThat(lowered.inForceAt(atChange.start().minusNanos(1), ONE)).isEqualByComparingTo(ONE);
    }

    @Test
    void withoutHistoryTheCurrentLimitJudges() {
        LimitHistory none = new LimitHistory(new TreeMap<>());
        ClockHours.Hour hour = ClockHours.containing(Instant.parse("2026-05-09T10:30:00Z"), BUCHAREST);
        assertThat(none.exceededBy(hour, total("2"), ONE)).contains(ONE);
        assertThat(none.exceededBy(hour, total("1"), ONE)).isEmpty();
    }

    private static HourTotal total(String kwh) {
        return new HourTotal(
                java.time.OffsetDateTime.parse("2026-05-09T13:00:00+03:00"), new BigDecimal(kwh), 6, Set.of());
    }
}
