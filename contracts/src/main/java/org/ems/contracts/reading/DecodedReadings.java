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

    /**
     * One entry of a message that cannot be applied: its JSON text, where it stands ({@code readings[3]}) and what is
     * wrong with it.
     */
    public record Rejected(String json, String field, String problem) {

        /** Where and what, in one line: {@code readings[1]: kwh must not be negative: -5}. */
        public String reason() {
            return field + ": " + problem;
        }
    }
}
