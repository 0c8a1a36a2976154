package org.ems.monitoring.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Energy is booked in quarter hours of UTC. Every clock hour of every zone in use today starts and ends on a quarter
 * hour (offsets such as +05:30, +05:45 and Lord Howe's 30-minute DST are multiples of 15 minutes), so one set of
 * stored quarter totals serves any zone, and a device's zone can change without recomputing anything.
 */
public final class Quarters {

    public static final Duration LENGTH = Duration.ofMinutes(15);
    private static final long SECONDS = LENGTH.toSeconds();

    private Quarters() {}

    /** The start of the quarter hour that holds {@code instant}. */
    public static Instant startOf(Instant instant) {
        return Instant.ofEpochSecond(Math.floorDiv(instant.getEpochSecond(), SECONDS) * SECONDS);
    }
}
