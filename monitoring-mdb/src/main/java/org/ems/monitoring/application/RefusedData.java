package org.ems.monitoring.application;

import java.sql.SQLException;

/**
 * Whether a failure to apply readings is the database refusing their data (SQLSTATE class 22, data exception, or
 * 23, integrity constraint violation), which no retry can mend, rather than the database being away or busy
 * (connection lost, timed out, shutting down, starting up), which passes. Only the first kind ever dead-letters a
 * reading: the rest wait in the broker, however long the database is away.
 */
public final class RefusedData {

    private RefusedData() {}

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException()) {
                    String state = e.getSQLState();
                    if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
