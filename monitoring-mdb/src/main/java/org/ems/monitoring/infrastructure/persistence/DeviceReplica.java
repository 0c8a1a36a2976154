package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.monitoring.domain.MonitoredDevice;

/** Monitoring's device table, {@code monitoring.device}. */
@ApplicationScoped
public class DeviceReplica {

    @Resource(lookup = "jdbc/ems")
    DataSource db;

    public Optional<MonitoredDevice> find(UUID id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** The devices monitoring knows among {@code ids} (tombstones included). */
    public Map<UUID, MonitoredDevice> findAll(Collection<UUID> ids) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select id, version, name,"
                + " owner_id, max_hourly_kwh, time_zone, deleted from monitoring.device where id = any(?::uuid[])")) {
            s.setArray(1, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            Map<UUID, MonitoredDevice> found = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    found.put(id, new MonitoredDevice(id, rs.getLong(2), rs.getString(3), rs.getObject(4, UUID.class),
                            rs.getBigDecimal(5), ZoneId.of(rs.getString(6)), rs.getBoolean(7)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read devices", e);
        }
    }

    /**
     * Stores the device unless the copy held is as new or newer (a stale or repeated event); true when stored.
     */
    public boolean putIfNewer(MonitoredDevice device) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
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
}
