package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.monitoring.domain.DeviceReplica;
import org.ems.monitoring.domain.LimitHistory;
import org.ems.monitoring.domain.MonitoredDevice;

/** Monitoring's device table, {@code monitoring.device}, and their limits, {@code monitoring.device_limit}. */
@ApplicationScoped
public class JdbcDeviceReplica implements DeviceReplica {

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public Optional<MonitoredDevice> find(UUID id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** The devices monitoring knows among {@code ids} (tombstones included). */
    @Override
    public Map<UUID, MonitoredDevice> findAll(Collection<UUID> ids) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select id, version, name,"
                                + " owner_id, max_hourly_kwh, time_zone, deleted from monitoring.device where id = any(?::uuid[])")) {
            s.setArray(
                    1, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            Map<UUID, MonitoredDevice> found = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(
                            id,
                            new MonitoredDevice(
                                    id,
                                    rs.getLong(2),
                                    rs.getString(3),
                                    rs.getObject(4, UUID.class),
                                    rs.getBigDecimal(5),
                                    ZoneId.of(rs.getString(6)),
                                    rs.getBoolean(7)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read devices", e);
        }
    }

    @Override
    public boolean putIfNewer(MonitoredDevice device) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into monitoring.device as d (id, version, name, owner_id, max_hourly_kwh, time_zone, deleted)"
                                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set version = excluded.version,"
                                + " name = excluded.name, owner_id = excluded.owner_id, max_hourly_kwh = excluded.max_hourly_kwh,"
                                + " time_zone = excluded.time_zone, deleted = excluded.deleted"
                                + " where d.version < excluded.version")) {
            s.setObject(1, device.id());
            s.setLong(2, device.version());
            s.setString(3, device.name());
            s.setObject(4, device.ownerId());
            s.setBigDecimal(5, device.maxHourlyKwh());
            s.setString(6, device.zone().getId());
            s.setBoolean(7, device.deleted());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot store device " + device.id(), e);
        }
    }

    @Override
    public void limitFrom(UUID id, Instant from, BigDecimal maxHourlyKwh) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into monitoring.device_limit (device_id, effective_from, max_hourly_kwh) values (?, ?, ?)"
                                + " on conflict (device_id, effective_from) do update set max_hourly_kwh = excluded.max_hourly_kwh")) {
            s.setObject(1, id);
            s.setTimestamp(2, Timestamp.from(from));
            s.setBigDecimal(3, maxHourlyKwh);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot store the limit of device " + id, e);
        }
    }

    @Override
    public Map<UUID, LimitHistory> limits(Collection<UUID> ids) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select device_id,"
                                + " effective_from, max_hourly_kwh from monitoring.device_limit where device_id = any(?::uuid[])")) {
            s.setArray(
                    1, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            Map<UUID, NavigableMap<Instant, BigDecimal>> limits = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    limits.computeIfAbsent(rs.getObject(1, UUID.class), id -> new TreeMap<>())
                            .put(rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3));
                }
            }
            Map<UUID, LimitHistory> histories = new HashMap<>();
            limits.forEach((id, byInstant) -> histories.put(id, new LimitHistory(byInstant)));
            return histories;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read device limits", e);
        }
    }
}
