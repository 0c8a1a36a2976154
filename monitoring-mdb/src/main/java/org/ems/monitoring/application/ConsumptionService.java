package org.ems.monitoring.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.ems.monitoring.domain.HourlyConsumption;
import org.ems.monitoring.infrastructure.persistence.ReadingRepository;

/** Answers "how much did this device consume in each hour of that day". */
@Stateless
public class ConsumptionService {

    @Inject
    ReadingRepository readings;

    /** The zone of devices whose own zone monitoring does not know yet. */
    @Inject
    @ConfigProperty(name = "ems.timezone", defaultValue = "UTC")
    String defaultTimeZone;

    /** The device's hours of {@code date}; empty when monitoring knows nothing of the device. */
    public Optional<DayConsumption> day(UUID deviceId, LocalDate date) {
        if (!readings.hasReadings(deviceId)) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(defaultTimeZone);
        var around = readings.readingsAround(deviceId, date.atStartOfDay(zone).toInstant(),
                date.plusDays(1).atStartOfDay(zone).toInstant());
        return Optional.of(new DayConsumption(deviceId, date, zone, HourlyConsumption.ofDay(around, date, zone)));
    }

    /** Today in the zone consumption is reported in, for requests that name no date. */
    public LocalDate today() {
        return LocalDate.now(ZoneId.of(defaultTimeZone));
    }
}
