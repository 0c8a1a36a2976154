package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
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
     * others' effect; and work on the months of readings waits for them (the database's {@code lock_devices}). Locks
     * are taken in key order, so two transactions cannot deadlock on them.
     */
    @Override
    public void lock(Collection<UUID> deviceIds) {
        sql().update(
                        "cannot lock devices",
                        "select monitoring.lock_devices(?::bigint[])",
                        deviceIds.stream().map(JdbcReadingRepository::lockKey).toList());
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
        List<UUID> ids = List.copyOf(windows.keySet());
        sql().list(
                        "cannot read readings",
                        sql,
                        rs -> Map.entry(
                                Sql.uuid(rs, 1),
                                new RegisterReading(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3))),
                        ids,
                        ids.stream().map(id -> windows.get(id).first()).toList(),
                        ids.stream().map(id -> windows.get(id).last()).toList())
                .forEach(row -> result.get(row.getKey()).add(row.getValue()));
        return result;
    }

    /** All stored readings of a device, in time order. */
    @Override
    public List<RegisterReading> all(UUID deviceId) {
        return sql().list(
                        "cannot read readings",
                        "select reading_time, kwh from monitoring.meter_reading where device_id = ? order by reading_time",
                        rs -> new RegisterReading(rs.getTimestamp(1).toInstant(), rs.getBigDecimal(2)),
                        deviceId);
    }

    @Override
    public Map<UUID, Instant> latest(Collection<UUID> deviceIds) {
        return sql()
                .list(
                        "cannot read readings",
                        "select device_id, max(reading_time) from monitoring.meter_reading"
                                + " where device_id = any(?::uuid[]) group by device_id",
                        rs -> Map.entry(Sql.uuid(rs, 1), rs.getTimestamp(2).toInstant()),
                        deviceIds)
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
        sql().update(
                        "cannot store readings",
                        "insert into monitoring.meter_reading (device_id, reading_time, kwh, received_at)"
                                + " select d, t, k, now() from unnest(?::uuid[], ?::timestamptz[], ?::numeric[]) as r(d, t, k)",
                        devices,
                        times,
                        values);
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
        sql().update(
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
                        devices,
                        quarters,
                        kwh,
                        readings,
                        resets,
                        estimates);
    }

    /** A device's quarter totals in {@code [from, to)}. */
    @Override
    public NavigableMap<Instant, QuarterTotal> quarters(UUID deviceId, Instant from, Instant to) {
        NavigableMap<Instant, QuarterTotal> quarters = new TreeMap<>();
        sql().list(
                        "cannot read consumption",
                        "select quarter_start, kwh, readings, resets, estimates from monitoring.quarter_total"
                                + " where device_id = ? and quarter_start >= ? and quarter_start < ?",
                        rs -> Map.entry(rs.getTimestamp(1).toInstant(), quarter(rs, 2)),
                        deviceId,
                        from,
                        to)
                .forEach(row -> quarters.put(row.getKey(), row.getValue()));
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
        // Each hour through the key: a lateral subquery with an order is never flattened into a join. As a join, the
        // generic plan PostgreSQL may cache for the statement read the whole table (a hash join: 17 ms a call with
        // 670,000 quarters, and alerts late by seconds after ./ems bench ingest's batch phase).
        sql().list(
                        "cannot read consumption",
                        "select h.i, q.quarter_start, q.kwh, q.readings, q.resets, q.estimates"
                                + " from unnest(?::uuid[], ?::timestamptz[], ?::timestamptz[]) with ordinality as h(device_id, h_start, h_end, i)"
                                + " cross join lateral (select * from monitoring.quarter_total q where q.device_id = h.device_id"
                                + " and q.quarter_start >= h.h_start and q.quarter_start < h.h_end order by q.quarter_start) q",
                        rs -> new HourQuarter(
                                (int) rs.getLong(1) - 1, rs.getTimestamp(2).toInstant(), quarter(rs, 3)),
                        devices,
                        list.stream().map(ClockHours.Hour::start).toList(),
                        list.stream().map(ClockHours.Hour::end).toList())
                .forEach(row -> result.get(UUID.fromString(devices.get(row.hour())))
                        .get(list.get(row.hour()))
                        .put(row.start(), row.total()));
        return result;
    }

    private static QuarterTotal quarter(ResultSet rs, int first) throws SQLException {
        return new QuarterTotal(
                rs.getBigDecimal(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3));
    }

    private static long lockKey(UUID deviceId) {
        return deviceId.getMostSignificantBits() ^ deviceId.getLeastSignificantBits();
    }

    /** A quarter of the {@code hour}-th hour asked for. */
    private record HourQuarter(int hour, Instant start, QuarterTotal total) {}

    /** Arrays are bound as text and cast in SQL: portable across drivers and pool wrappers, unlike typed arrays. */
    private Sql sql() {
        return new Sql(db);
    }
}
