package org.ems.contracts.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * JDBC as the repositories use it, in one place: a statement on a connection of the data source (the transaction's,
 * inside one), its parameters bound in order, its rows mapped, everything closed; a failure is a
 * {@link PersistenceFailure} saying what could not be done, the driver's exception as its cause. Parameters: an
 * {@code Instant} is bound as a timestamp, a collection as a text array (for {@code = any(?::uuid[])}), anything else
 * as it is.
 */
public record Sql(DataSource db) {

    /** One row as the caller's value. */
    @FunctionalInterface
    public interface Row<T> {
        T of(ResultSet rs) throws SQLException;
    }

    /** What is done on a connection. */
    @FunctionalInterface
    private interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    public <T> List<T> list(String failure, String sql, Row<T> row, Object... parameters) {
        return with(failure, c -> {
            try (PreparedStatement s = prepared(c, sql, parameters);
                    ResultSet rs = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row.of(rs));
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> first(String failure, String sql, Row<T> row, Object... parameters) {
        return list(failure, sql, row, parameters).stream().findFirst();
    }

    /**
     * An insert, update or delete, or a statement run for its effect (taking locks); how many rows it changed (-1 for
     * a query's).
     */
    public int update(String failure, String sql, Object... parameters) {
        return with(failure, c -> {
            try (PreparedStatement s = prepared(c, sql, parameters)) {
                s.execute();
                return s.getUpdateCount();
            }
        });
    }

    /**
     * Each row of a query, handed to {@code each} as the cursor reaches it, {@code fetchSize} rows at a time: a result
     * of any size in little memory. Outside a transaction the cursor gets one of its own, which reads one snapshot.
     */
    public void forEach(String failure, String sql, int fetchSize, Row<?> each, Object... parameters) {
        with(failure, c -> {
            boolean ownTransaction = c.getAutoCommit(); // PostgreSQL keeps a cursor only within a transaction
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement s = prepared(c, sql, parameters)) {
                s.setFetchSize(fetchSize);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        each.of(rs);
                    }
                }
                return null;
            } finally {
                if (ownTransaction) {
                    c.rollback(); // it only read
                    c.setAutoCommit(true);
                }
            }
        });
    }

    private <T> T with(String failure, Work<T> work) {
        try (Connection c = db.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new PersistenceFailure(failure, e);
        }
    }

    private static PreparedStatement prepared(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object p = parameters[i];
                if (p instanceof Instant instant) {
                    s.setTimestamp(i + 1, Timestamp.from(instant));
                } else if (p instanceof Collection<?> items) {
                    s.setArray(
                            i + 1,
                            c.createArrayOf(
                                    "text", items.stream().map(String::valueOf).toArray()));
                } else {
                    s.setObject(i + 1, p);
                }
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * A {@code uuid} column's value, null for SQL NULL. Read as text: Payara's pool wrapper answers
     * {@code getObject(column, UUID.class)} by looking the driver's method up by reflection on every call (3% of
     * Payara's CPU on the readings' path, ./ems bench ingest --profile).
     */
    public static UUID uuid(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : UUID.fromString(text);
    }

    /** {@link #uuid(ResultSet, int)} by the column's name. */
    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return uuid(rs, rs.findColumn(column));
    }
}
