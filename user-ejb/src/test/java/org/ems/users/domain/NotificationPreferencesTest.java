package org.ems.users.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class NotificationPreferencesTest {

    private static final ZoneId BUCHAREST = ZoneId.of("Europe/Bucharest");
    private static final NotificationPreferences.QuietHours NIGHT =
            new NotificationPreferences.QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));
    private static final NotificationPreferences.QuietHours AFTERNOON =
            new NotificationPreferences.QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30));

    private static NotificationPreferences quiet(NotificationPreferences.QuietHours hours, boolean digest) {
        return new NotificationPreferences(true, false, true, hours, digest);
    }

    @Test
    void withoutQuietHoursOrDigestANotificationGoesAtOnce() {
        assertThat(quiet(null, false).holdUntil(Instant.parse("2026-12-03T02:00:00Z"), BUCHAREST))
                .isEmpty();
        assertThat(quiet(NIGHT, false).holdUntil(Instant.parse("2026-12-03T12:00:00Z"), BUCHAREST))
                .as("14:00 in Bucharest is not in the night's quiet hours")
                .isEmpty();
    }

    @Test
    void inQuietHoursItWaitsForTheirEndInTheUsersZoneAcrossMidnight() {
        // 23:30 and 02:00 in Bucharest (UTC+2 in winter): both wait for 07:00 local, 05:00 UTC
        assertThat(quiet(NIGHT, false).holdUntil(Instant.parse("2026-12-02T21:30:00Z"), BUCHAREST))
                .contains(Instant.parse("2026-12-03T05:00:00Z"));
        assertThat(quiet(NIGHT, false).holdUntil(Instant.parse("2026-12-03T00:00:00Z"), BUCHAREST))
                .contains(Instant.parse("2026-12-03T05:00:00Z"));
        // their beginning is in them, their end is not
        assertThat(quiet(AFTERNOON, false).holdUntil(Instant.parse("2026-12-03T11:00:00Z"), BUCHAREST))
                .contains(Instant.parse("2026-12-03T13:30:00Z"));
        assertThat(quiet(AFTERNOON, false).holdUntil(Instant.parse("2026-12-03T13:30:00Z"), BUCHAREST))
                .isEmpty();
    }

    @Test
    void theDailyDigestWaitsForSevenOClockOrTheEndOfQuietHoursThatHoldIt() {
        assertThat(quiet(null, true).holdUntil(Instant.parse("2026-12-03T12:00:00Z"), BUCHAREST))
                .as("14:00: the next morning")
                .contains(Instant.parse("2026-12-04T05:00:00Z"));
        assertThat(quiet(null, true).holdUntil(Instant.parse("2026-12-03T04:00:00Z"), BUCHAREST))
                .as("06:00: this morning")
                .contains(Instant.parse("2026-12-03T05:00:00Z"));
        NotificationPreferences.QuietHours lateNight =
                new NotificationPreferences.QuietHours(LocalTime.of(23, 0), LocalTime.of(8, 15));
        assertThat(quiet(lateNight, true).holdUntil(Instant.parse("2026-12-03T12:00:00Z"), BUCHAREST))
                .as("07:00 is in the quiet hours: their end")
                .contains(Instant.parse("2026-12-04T06:15:00Z"));
    }

    @Test
    void quietHoursEndingInAClockChangesGapEndAsMuchLaterAsTheClocksJump() {
        // Bucharest skips 03:00-04:00 on 2026-03-29: quiet hours to 03:30 end at 04:30 local (01:30 UTC)
        NotificationPreferences.QuietHours toGap =
                new NotificationPreferences.QuietHours(LocalTime.of(1, 0), LocalTime.of(3, 30));
        assertThat(quiet(toGap, false).holdUntil(Instant.parse("2026-03-28T23:30:00Z"), BUCHAREST))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void quietHoursMustEndAtAnotherTime() {
        assertThatThrownBy(() -> new NotificationPreferences.QuietHours(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnsubscribeStopsItsListOnlyAndTheSummarysLinkStopsAll() {
        NotificationPreferences all = new NotificationPreferences(true, true, true, NIGHT, true);
        assertThat(all.without(MailList.CHAT)).isEqualTo(new NotificationPreferences(true, true, false, NIGHT, true));
        assertThat(all.without(MailList.ALL_ALERTS))
                .isEqualTo(new NotificationPreferences(true, false, true, NIGHT, true));
        NotificationPreferences none = all.without(MailList.ALL);
        assertThat(none).isEqualTo(new NotificationPreferences(false, false, false, NIGHT, true));
        assertThat(none.wants(MailList.ALL)).isFalse();
        assertThat(all.without(MailList.ALERTS).wants(MailList.ALL)).isTrue();
    }
}
