package org.ems.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClockHoursTest {

    /** {@code containing} takes a short cut on days of one offset: it must give the hour the day's list holds. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "UTC",
                "Europe/Bucharest",
                "America/New_York",
                "Australia/Lord_Howe",
                "Asia/Kolkata",
                "Asia/Kathmandu",
                "Pacific/Chatham",
                "America/Santiago",
                "America/Havana"
            })
    void theHourContainingAnInstantIsTheOneOfItsDay(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        for (Instant at = Instant.parse("2026-01-01T00:00:00Z");
                at.isBefore(Instant.parse("2027-01-01T00:00:00Z"));
                at = at.plus(Duration.ofMinutes(13))) {
            List<ClockHours.Hour> day = ClockHours.of(at.atZone(zone).toLocalDate(), zone);
            Instant instant = at;
            ClockHours.Hour expected =
                    day.stream().filter(h -> h.contains(instant)).findFirst().orElseThrow();
            assertThat(ClockHours.containing(at, zone)).as("%s in %s", at, zone).isEqualTo(expected);
        }
    }
}
