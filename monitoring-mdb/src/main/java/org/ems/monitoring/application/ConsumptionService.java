package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.UUID;
import org.ems.contracts.access.Rejected;
import org.ems.monitoring.domain.HourlyConsumption;
import org.ems.monitoring.domain.QuarterTotal;
import org.ems.monitoring.domain.ReadingRepository;

/** Answers "how much did this device consume in each hour of those days", from its stored quarter totals. */
@Stateless
public class ConsumptionService {

    /** The longest range of days asked at once. */
    public static final int MAX_DAYS = 366;

    @Inject
    ReadingRepository readings;

    /** The device's consumption in every clock hour of {@code date} in {@code zone}. */
    public DayConsumption day(UUID deviceId, LocalDate date, ZoneId zone) {
        return days(deviceId, date, date, zone).get(0);
    }

    /** The time from the start of local day {@code from} to the end of {@code to}. */
    public record Span(Instant start, Instant end) {}

    /** The span of local days from {@code from} to {@code to} (inclusive, at most {@value #MAX_DAYS}) in the zone. */
    public static Span span(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw Rejected.invalid("to", "to must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw Rejected.invalid("to", "at most " + MAX_DAYS + " days at once");
        }
        return new Span(
                from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** Every local day from {@code from} to {@code to} (inclusive, at most {@value #MAX_DAYS}), each with its hours. */
    public List<DayConsumption> days(UUID deviceId, LocalDate from, LocalDate to, ZoneId zone) {
        Span span = span(from, to, zone);
        NavigableMap<Instant, QuarterTotal> quarters = readings.quarters(deviceId, span.start(), span.end());
        List<DayConsumption> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(new DayConsumption(deviceId, date, zone, HourlyConsumption.ofDay(quarters, date, zone)));
        }
        return days;
    }

    /** When each device last sent a reading that was stored (devices that never did left out). */
    public java.util.Map<UUID, Instant> lastReadings(java.util.Collection<UUID> deviceIds) {
        return readings.latest(deviceIds);
    }
}
