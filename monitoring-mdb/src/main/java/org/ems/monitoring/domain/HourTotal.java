package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A device's consumption in one clock hour.
 *
 * @param start where the hour starts, with the zone offset in force then
 * @param kwh energy consumed in the hour
 * @param readings how many readings fall in the hour
 * @param flags why the total is not a plain measurement, if it is not
 */
public record HourTotal(OffsetDateTime start, BigDecimal kwh, int readings, Set<HourFlag> flags) {

    public HourTotal {
        flags = Set.copyOf(flags);
    }
}
