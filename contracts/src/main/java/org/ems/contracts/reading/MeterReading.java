package org.ems.contracts.reading;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One value of a meter's cumulative import register (OBIS 1.8.0) at one instant.
 *
 * @param deviceId the meter's device id
 * @param timestamp when the register was read (meter time)
 * @param kwh the register value: total energy imported so far, never negative
 */
public record MeterReading(UUID deviceId, Instant timestamp, BigDecimal kwh) {

    public MeterReading {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(kwh, "kwh");
        if (kwh.signum() < 0) {
            throw new IllegalArgumentException("kwh must not be negative");
        }
    }
}
