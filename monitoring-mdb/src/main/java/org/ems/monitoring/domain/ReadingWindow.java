package org.ems.monitoring.domain;

import java.time.Instant;

/** The span of a device's incoming readings: a merge needs the stored readings in it and the one on each side. */
public record ReadingWindow(Instant first, Instant last) {

    public static ReadingWindow of(Instant at) {
        return new ReadingWindow(at, at);
    }

    /** The window covering both. */
    public ReadingWindow span(ReadingWindow other) {
        return new ReadingWindow(
                first.isBefore(other.first) ? first : other.first, last.isAfter(other.last) ? last : other.last);
    }
}
