package org.ems.monitoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One value of a device's cumulative energy register, to the micro-kWh: the precision it is stored with, so that an
 * interval computed before and after storing is the same interval.
 */
public record RegisterReading(Instant at, BigDecimal kwh) {

    public static final int SCALE = 6;

    public RegisterReading {
        kwh = kwh.setScale(SCALE, RoundingMode.HALF_EVEN);
    }
}
