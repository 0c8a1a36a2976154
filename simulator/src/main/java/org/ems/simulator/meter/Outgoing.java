package org.ems.simulator.meter;

import org.ems.contracts.reading.MeterReading;

/**
 * A reading about to be sent.
 *
 * @param reading the reading
 * @param duplicateId the broker duplicate-detection id ({@code _AMQ_DUPL_ID}), null for a deliberate duplicate
 */
public record Outgoing(MeterReading reading, String duplicateId) {

    public static Outgoing of(MeterReading reading) {
        return new Outgoing(reading, reading.deviceId() + "/" + reading.timestamp());
    }
}
