package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.ems.monitoring.domain.HourlyConsumption;
import org.ems.monitoring.domain.ReadingRepository;

/** Answers "how much did this device consume in each hour of that day", from its stored quarter totals. */
@Stateless
public class ConsumptionService {

    @Inject
    ReadingRepository readings;

    /** The device's consumption in every clock hour of {@code date} in {@code zone}. */
    public DayConsumption day(UUID deviceId, LocalDate date, ZoneId zone) {
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        return new DayConsumption(
                deviceId, date, zone, HourlyConsumption.ofDay(readings.quarters(deviceId, from, to), date, zone));
    }
}
