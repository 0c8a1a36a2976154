package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A device's consumption in one local day: the sum of its clock hours.
 *
 * @param flags every flag of any of its hours
 */
public record DayTotal(LocalDate date, BigDecimal kwh, int readings, Set<HourFlag> flags) {

    public DayTotal {
        flags = Set.copyOf(flags);
    }

    /** The day of these hours (all of them: 23, 24 or 25). */
    public static DayTotal of(LocalDate date, List<HourTotal> hours) {
        BigDecimal kwh = BigDecimal.ZERO.setScale(HourlyConsumption.SCALE);
        int readings = 0;
        Set<HourFlag> flags = EnumSet.noneOf(HourFlag.class);
        for (HourTotal hour : hours) {
            kwh = kwh.add(hour.kwh());
            readings += hour.readings();
            flags.addAll(hour.flags());
        }
        return new DayTotal(date, kwh, readings, flags);
    }
}
