package org.ems.contracts.reading;

import java.util.List;

/**
 * The outcome of decoding one message: the readings that are valid, and the ones that are not, each with its reason.
 * A batch keeps its valid readings even when some of its entries are rejected.
 */
public record DecodedReadings(List<MeterReading> readings, List<Rejected> rejected) {

    public DecodedReadings {
        readings = List.copyOf(readings);
        rejected = List.copyOf(rejected);
    }

    /** One entry of a message that cannot be applied: its JSON text and why. */
    public record Rejected(String json, String reason) {}
}
