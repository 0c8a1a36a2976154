package org.ems.monitoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;

/**
 * The clock hours of a local day in a time zone, as instant intervals. An instant belongs to the hour its wall clock
 * shows (truncated to the hour) at the offset then in force. So a day has 23, 24 or 25 hours across DST changes; in
 * Asia/Kolkata hours start at :30 UTC; and where DST shifts by 30 minutes (Australia/Lord_Howe) the hour of the shift
 * lasts 30 minutes.
 */
public final class ClockHours {

    /** One clock hour: {@code [start, end)}. */
    public record Hour(Instant start, Instant end, ZoneOffset offset) {

        public boolean contains(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    private ClockHours() {}

    /** The clock hour in {@code zone} that holds {@code instant}. */
    public static Hour containing(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        Instant dayStart = day.atStartOfDay(zone).toInstant();
        ZoneOffsetTransition change = zone.getRules().nextTransition(dayStart);
        if (change == null || !change.getInstant().isBefore(dayStart.plus(1, ChronoUnit.DAYS))) {
            // One offset all day (most days): its hours are whole wall-clock hours, no need to list them.
            LocalDateTime wall = local.toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
            ZoneOffset offset = local.getOffset();
            return new Hour(wall.toInstant(offset), wall.plusHours(1).toInstant(offset), offset);
        }
        for (Hour hour : of(day, zone)) {
            if (hour.contains(instant)) {
                return hour;
            }
        }
        throw new IllegalStateException("the hours of a day cover it"); // by construction of of()
    }

    public static List<Hour> of(LocalDate day, ZoneId zone) {
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        List<Hour> hours = new ArrayList<>(25);
        Instant start = day.atStartOfDay(zone).toInstant();
        while (start.isBefore(end)) {
            ZonedDateTime local = start.atZone(zone);
            // Next wall-clock hour; a time in a DST gap resolves to just after the gap.
            Instant next = ZonedDateTime.ofLocal(
                            local.toLocalDateTime()
                                    .truncatedTo(ChronoUnit.HOURS)
                                    .plusHours(1),
                            zone,
                            local.getOffset())
                    .toInstant();
            ZoneOffsetTransition transition = zone.getRules().nextTransition(start);
            if (transition != null && transition.getInstant().isBefore(next)) {
                next = transition.getInstant();
            }
            if (next.isAfter(end)) {
                next = end;
            }
            hours.add(new Hour(start, next, local.getOffset()));
            start = next;
        }
        return hours;
    }
}
