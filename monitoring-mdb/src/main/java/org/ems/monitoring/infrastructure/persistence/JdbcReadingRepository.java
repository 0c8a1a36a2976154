package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.monitoring.domain.ClockHours;
import org.ems.monitoring.domain.QuarterTotal;
import org.ems.monitoring.domain.ReadingRepository;
import org.ems.monitoring.domain.ReadingWindow;
import org.ems.monitoring.domain.RegisterReading;

/**
 * Devices' stored readings and quarter totals in {@code monitoring.meter_reading} and {@code monitoring.quarter_total},
 * in plain JDBC and set-based: one statement per step for all devices of
 * a message, so a batch of a thousand readings costs as many round trips as a single reading. Every change happens
 * in the caller's transaction, under {@link #lock(Collection)}.
 */
@ApplicationScoped
public class JdbcReadingRepository implements ReadingRepository {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    /**
     * Serializes all changes of these devices until the transaction ends: readings of one device in flight at once
     * (several MDB sessions, redeliveries, the device's arrival) are applied one after another, each seeing the
     * others' effect. Locks are taken in key order, so two transactions cannot deadlock on them.
     */
    @Override
    public void lock(Collection<UUID> deviceIds) {
        run(
                "cannot lock devices",
                "select pg_advisory_xact_lock(k) from unnest(?::bigint[]) k order by k",
                s -> s.setArray(
                        1,
                        texts(
                                s.getConnection(),
                                deviceIds.stream()
                                        .map(JdbcReadingRepository::lockKey)
                                        .toList())));
    }

    /** Each device's stored readings around its window, in time order (an empty list for a device without any). */
    @Override
    public Map<UUID, List<RegisterReading>> around(Map<UUID, ReadingWindow> windows) {
        String sql = "select w.device_id, r.reading_time, r.kwh"
                + " from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) as w(device_id, first, last)"
                + " cross join lateral ("
                + "  (select reading_time, kwh from monitoring.meter_reading m where m.device_id = w.device_id"
                + "   and m.reading_time < w.first order by m.reading_time desc limit 1)"
                + "  union all (select reading_time, kwh from monitoring.meter_reading m where m.device_id = w.device_id"
                + "   and m.reading_time between w.first and w.last)"
                + "  union all (select reading_time, kwh from monitoring.meter_reading m where m.device_id = w.device_id"
                + "   and m.reading_time > w.last order by m.reading_time limit 1)) r"
                + " order by w.device_id, r.reading_time";
        Map<UUID, List<RegisterReading>> result = new HashMap<>();
        windows.keySet().forEach(id -> result.put(id, new ArrayList<>()));
        query(
                "cannot read readings",
                sql,
                s -> {
                    List<UUID> ids = List.copyOf(windows.keySet());
                    s.setArray(1, texts(s.getConnection(), ids));
                    s.setArray(
                            2,
                            texts(
                                    s.getConnection(),
                                    ids.stream()
                                            .map(id -> windows.get(id).first())
                                            .toList()));
                    s.setArray(
                            3,
                            texts(
                                    s.getConnection(),
                                    ids.stream()
                                            .map(id -> windows.get(id).last())
                                            .toList()));
                },
                rs -> result.get(rs.getObject(1, UUID.class))
                        .add(new RegisterReading(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3))));
        return result;
    }

    /** All stored readings of a device, in time order. */
    @Override
    public List<RegisterReading> all(UUID deviceId) {
        List<RegisterReading> readings = new ArrayList<>();
        query(
                "cannot read readings",
                "select reading_time, kwh from monitoring.meter_reading where device_id = ?" + " order by reading_time",
                s -> s.setObject(1, deviceId),
                rs -> readings.add(new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2))));
        return readings;
    }

    @Override
    public Map<UUID, Instant> latest(Collection<UUID> deviceIds) {
        Map<UUID, Instant> latest = new HashMap<>();
        query(
                "cannot read readings",
                "select device_id, max(reading_time) from monitoring.meter_reading"
                        + " where device_id = any(?::uuid[]) group by device_id",
                s -> s.setArray(1, texts(s.getConnection(), List.copyOf(deviceIds))),
                rs -> latest.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()));
        return latest;
    }

    /** Stores new readings; one already stored is a key violation (the caller's merge saw every stored one). */
    @Override
    public void insert(Map<UUID, List<RegisterReading>> readings) {
        List<String> devices = new ArrayList<>();
        List<String> times = new ArrayList<>();
        List<String> values = new ArrayList<>();
        readings.forEach((device, list) -> list.forEach(r -> {
            devices.add(device.toString());
            times.add(r.at().toString());
            values.add(r.kwh().toPlainString());
        }));
        if (devices.isEmpty()) {
            return;
        }
        run(
                "cannot store readings",
                "insert into monitoring.meter_reading (device_id, reading_time, kwh, received_at)"
                        + " select d, t, k, now() from unnest(?::uuid[], ?::timestamptz[], ?::numeric[]) as r(d, t, k)",
                s -> {
                    s.setArray(1, texts(s.getConnection(), devices));
                    s.setArray(2, texts(s.getConnection(), times));
                    s.setArray(3, texts(s.getConnection(), values));
                });
    }

    /**
     * Adds changes to devices' quarter totals in one statement: updates the quarters they have, inserts the others.
     * (An upsert would not do: PostgreSQL checks a new row's constraints before it finds the conflict, and a change
     * may be negative.)
     */
    @Override
    public void book(Map<UUID, Map<Instant, QuarterTotal>> changes) {
        List<String> devices = new ArrayList<>();
        List<String> quarters = new ArrayList<>();
        List<String> kwh = new ArrayList<>();
        List<String> readings = new ArrayList<>();
        List<String> resets = new ArrayList<>();
        List<String> estimates = new ArrayList<>();
        changes.forEach((device, byQuarter) -> byQuarter.forEach((quarter, t) -> {
            devices.add(device.toString());
            quarters.add(quarter.toString());
            kwh.add(t.kwh().toPlainString());
            readings.add(Integer.toString(t.readings()));
            resets.add(Integer.toString(t.resets()));
            estimates.add(Integer.toString(t.estimates()));
        }));
        if (devices.isEmpty()) {
            return;
        }
        run(
                "cannot book consumption",
                "with c as (select * from unnest(?::uuid[], ?::timestamptz[], ?::numeric[],"
                        + " ?::int[], ?::int[], ?::int[]) as c(device_id, quarter_start, kwh, readings, resets, estimates)),"
                        + " updated as (update monitoring.quarter_total q set kwh = q.kwh + c.kwh, readings = q.readings + c.readings,"
                        + " resets = q.resets + c.resets, estimates = q.estimates + c.estimates from c"
                        + " where q.device_id = c.device_id and q.quarter_start = c.quarter_start"
                        + " returning q.device_id, q.quarter_start)"
                        + " insert into monitoring.quarter_total (device_id, quarter_start, kwh, readings, resets, estimates)"
                        + " select * from c where not exists (select 1 from updated u"
                        + " where u.device_id = c.device_id and u.quarter_start = c.quarter_start)",
                s -> {
                    Connection c = s.getConnection();
                    s.setArray(1, texts(c, devices));
                    s.setArray(2, texts(c, quarters));
                    s.setArray(3, texts(c, kwh));
                    s.setArray(4, texts(c, readings));
                    s.setArray(5, texts(c, resets));
                    s.setArray(6, texts(c, estimates));
                });
    }

    /** A device's quarter totals in {@code [from, to)}. */
    @Override
    public NavigableMap<Instant, QuarterTotal> quarters(UUID deviceId, Instant from, Instant to) {
        NavigableMap<Instant, QuarterTotal> quarters = new TreeMap<>();
        query(
                "cannot read consumption",
                "select quarter_start, kwh, readings, resets, estimates"
                        + " from monitoring.quarter_total where device_id = ? and quarter_start >= ? and quarter_start < ?",
                s -> {
                    s.setObject(1, deviceId);
                    s.setTimestamp(2, Timestamp.from(from));
                    s.setTimestamp(3, Timestamp.from(to));
                },
                rs -> quarters.put(rs.getTimestamp(1).toInstant(), quarter(rs, 2)));
        return quarters;
    }

    /** Each device's clock hours with their quarter totals, for many devices and hours in one query. */
    @Override
    public Map<UUID, Map<ClockHours.Hour, NavigableMap<Instant, QuarterTotal>>> hours(
            Map<UUID, ? extends Collection<ClockHours.Hour>> hours) {
        List<String> devices = new ArrayList<>();
        List<ClockHours.Hour> list = new ArrayList<>();
        Map<UUID, Map<ClockHours.Hour, NavigableMap<Instant, QuarterTotal>>> result = new HashMap<>();
        hours.forEach((device, deviceHours) -> deviceHours.forEach(hour -> {
            devices.add(device.toString());
            list.add(hour);
            result.computeIfAbsent(device, d -> new HashMap<>()).put(hour, new TreeMap<>());
        }));
        if (devices.isEmpty()) {
            return result;
        }
        query(
                "cannot read consumption",
                "select h.i, q.quarter_start, q.kwh, q.readings, q.resets, q.estimates"
                        + " from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) with ordinality as h(device_id, h_start, h_end, i)"
                        + " join monitoring.quarter_total q on q.device_id = h.device_id"
                        + " and q.quarter_start >= h.h_start and q.quarter_start < h.h_end",
                s -> {
                    Connection c = s.getConnection();
                    s.setArray(1, texts(c, devices));
                    s.setArray(
                            2,
                            texts(c, list.stream().map(ClockHours.Hour::start).toList()));
                    s.setArray(
                            3, texts(c, list.stream().map(ClockHours.Hour::end).toList()));
                },
                rs -> {
                    int i = (int) rs.getLong(1) - 1;
                    result.get(UUID.fromString(devices.get(i)))
                            .get(list.get(i))
                            .put(rs.getTimestamp(2).toInstant(), quarter(rs, 3));
                });
        return result;
    }

    private static QuarterTotal quarter(ResultSet rs, int first) throws SQLException {
        return new QuarterTotal(
                rs.getBigDecimal(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3));
    }

    private static long lockKey(UUID deviceId) {
        return deviceId.getMostSignificantBits() ^ deviceId.getLeastSignificantBits();
    }

    /** Values as a text array, cast in SQL: portable across drivers and pool wrappers, unlike typed arrays. */
    private static Array texts(Connection c, List<?> values) throws SQLException {
        return c.createArrayOf("text", values.stream().map(Object::toString).toArray());
    }

    private interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void run(String failure, String sql, Binder binder) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            s.execute();
        } catch (SQLException e) {
            throw new PersistenceFailure(failure, e);
        }
    }

    private void query(String failure, String sql, Binder binder, RowReader reader) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            binder.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceFailure(failure, e);
        }
    }
}
