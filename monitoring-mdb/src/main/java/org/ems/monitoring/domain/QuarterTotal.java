package org.ems.monitoring.domain;

import java.math.BigDecimal;

/**
 * What is booked on one quarter hour of one device, or a change to it. Flags are kept as counts of the intervals that
 * raise them, so that a late reading which splits an interval can take its flag away again.
 *
 * @param kwh energy, at {@link Interval#SCALE} decimals
 * @param readings readings taken in the quarter
 * @param resets intervals with a register decrease overlapping the quarter
 * @param estimates intervals longer than an hour overlapping the quarter
 */
public record QuarterTotal(BigDecimal kwh, int readings, int resets, int estimates) {

    public static final QuarterTotal ZERO = new QuarterTotal(BigDecimal.ZERO.setScale(Interval.SCALE), 0, 0, 0);

    public QuarterTotal plus(QuarterTotal other) {
        return new QuarterTotal(
                kwh.add(other.kwh), readings + other.readings, resets + other.resets, estimates + other.estimates);
    }

    public QuarterTotal negate() {
        return new QuarterTotal(kwh.negate(), -readings, -resets, -estimates);
    }

    public boolean isZero() {
        return kwh.signum() == 0 && readings == 0 && resets == 0 && estimates == 0;
    }
}
