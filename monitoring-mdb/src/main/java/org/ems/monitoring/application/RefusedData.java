package org.ems.monitoring.application;

/**
 * Whether a failure to apply readings is the database refusing their data (SQLSTATE class 22, data exception, or
 * 23, integrity constraint violation), which no retry can mend, rather than the database being away or busy
 * (connection lost, timed out, shutting down, starting up), which passes. Only the first kind ever dead-letters a
 * reading: the rest wait in the broker, however long the database is away.
 */
public interface RefusedData {

    /** Whether {@code failure} is the database refusing the data (no retry mends it). */
    boolean causes(Throwable failure);
}
