package org.ems.monitoring.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** A device's stored readings as exports read them: in time order, from a cursor, never all at once in memory. */
public interface ReadingArchive {

    /** A reading as stored, and when it arrived. */
    record Stored(RegisterReading reading, Instant receivedAt) {}

    /** The time of a device's first and last stored reading. */
    record Span(Instant first, Instant last) {}

    /** The span of the device's readings; empty when it has none. */
    Optional<Span> span(UUID device);

    /** The device's last reading before {@code at}, if there is one. */
    Optional<RegisterReading> before(UUID device, Instant at);

    /** Each of the device's readings from {@code from} (inclusive) to {@code to} (exclusive), in time order. */
    void each(UUID device, Instant from, Instant to, Consumer<Stored> each);
}
