package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.monitoring.domain.QuarterTotal;
import org.ems.monitoring.domain.RegisterReading;

/**
 * A device's stored readings and quarter totals (plain JDBC: the hot path of ingestion, a few statements per message).
 * Every change happens in the caller's transaction, under {@link #lock(UUID)}.
 */
@ApplicationScoped
public class ReadingRepository {

    @Resource(lookup = "jdbc/ems")
    DataSource db;

    /**
     * Serializes all changes of one device until the transaction ends: readings of one device in flight at once (several
     * MDB sessions, redeliveries, the device's arrival) are applied one after another, each seeing the others' effect.
     */
    public void lock(UUID deviceId) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, deviceId.getMostSignificantBits() ^ deviceId.getLeastSignificantBits());
            s.execute();
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot lock device " + deviceId, e);
        }
    }

    /** The stored readings from the last before {@code first} to the first after {@code last}, in time order. */
    public List<RegisterReading> around(UUID deviceId, Instant first, Instant last) {
        String sql = "(select reading_time, kwh from monitoring.meter_reading where device_id = ? and reading_time < ?"
                + " order by reading_time desc limit 1)"
                + " union all (select reading_time, kwh from monitoring.meter_reading where device_id = ?"
                + " and reading_time between ? and ?)"
                + " union all (select reading_time, kwh from monitoring.meter_reading where device_id = ?"
                + " and reading_time > ? order by reading_time limit 1)"
                + " order by reading_time";
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, deviceId);
            s.setTimestamp(2, Timestamp.from(first));
            s.setObject(3, deviceId);
            s.setTimestamp(4, Timestamp.from(first));
            s.setTimestamp(5, Timestamp.from(last));
            s.setObject(6, deviceId);
            s.setTimestamp(7, Timestamp.from(last));
            return readings(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read the readings of device " + deviceId, e);
        }
    }

    /** All stored readings of a device, in time order. */
    public List<RegisterReading> all(UUID deviceId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select reading_time, kwh from monitoring.meter_reading where device_id = ? order by reading_time")) {
            s.setObject(1, deviceId);
            return readings(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read the readings of device " + deviceId, e);
        }
    }

    /** Stores new readings; one already stored is a constraint violation (the caller's merge saw every stored one). */
    public void insert(UUID deviceId, List<RegisterReading> readings) {
        if (readings.isEmpty()) {
            return;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into monitoring.meter_reading (device_id, reading_time, kwh, received_at) values (?, ?, ?, now())")) {
            for (RegisterReading reading : readings) {
                s.setObject(1, deviceId);
                s.setTimestamp(2, Timestamp.from(reading.at()));
                s.setBigDecimal(3, reading.kwh());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot store the readings of device " + deviceId, e);
        }
    }

    /**
     * Adds changes to the device's quarter totals: updates the quarters it has, inserts the others. (An upsert would
     * not do: PostgreSQL checks a row's constraints before it finds the conflict, and a change may be negative.)
     */
    public void book(UUID deviceId, Map<Instant, QuarterTotal> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Map.Entry<Instant, QuarterTotal>> entries = List.copyOf(changes.entrySet());
        try (Connection c = db.getConnection()) {
            int[] updated;
            try (PreparedStatement s = c.prepareStatement("update monitoring.quarter_total set kwh = kwh + ?,"
                    + " readings = readings + ?, resets = resets + ?, estimates = estimates + ?"
                    + " where device_id = ? and quarter_start = ?")) {
                for (Map.Entry<Instant, QuarterTotal> change : entries) {
                    QuarterTotal t = change.getValue();
                    s.setBigDecimal(1, t.kwh());
                    s.setInt(2, t.readings());
                    s.setInt(3, t.resets());
                    s.setInt(4, t.estimates());
                    s.setObject(5, deviceId);
                    s.setTimestamp(6, Timestamp.from(change.getKey()));
                    s.addBatch();
                }
                updated = s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement("insert into monitoring.quarter_total"
                    + " (device_id, quarter_start, kwh, readings, resets, estimates) values (?, ?, ?, ?, ?, ?)")) {
                int inserts = 0;
                for (int i = 0; i < entries.size(); i++) {
                    if (updated[i] == 0) {
                        QuarterTotal t = entries.get(i).getValue();
                        s.setObject(1, deviceId);
                        s.setTimestamp(2, Timestamp.from(entries.get(i).getKey()));
                        s.setBigDecimal(3, t.kwh());
                        s.setInt(4, t.readings());
                        s.setInt(5, t.resets());
                        s.setInt(6, t.estimates());
                        s.addBatch();
                        inserts++;
                    }
                }
                if (inserts > 0) {
                    s.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot book the consumption of device " + deviceId, e);
        }
    }

    /** The device's quarter totals in {@code [from, to)}. */
    public NavigableMap<Instant, QuarterTotal> quarters(UUID deviceId, Instant from, Instant to) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select quarter_start, kwh, readings, resets, estimates from monitoring.quarter_total"
                        + " where device_id = ? and quarter_start >= ? and quarter_start < ?")) {
            s.setObject(1, deviceId);
            s.setTimestamp(2, Timestamp.from(from));
            s.setTimestamp(3, Timestamp.from(to));
            NavigableMap<Instant, QuarterTotal> quarters = new TreeMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    quarters.put(rs.getTimestamp(1).toInstant(),
                            new QuarterTotal(rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }
            }
            return quarters;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read the consumption of device " + deviceId, e);
        }
    }

    private static List<RegisterReading> readings(PreparedStatement s) throws SQLException {
        List<RegisterReading> readings = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                readings.add(new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)));
            }
        }
        return readings;
    }
}
