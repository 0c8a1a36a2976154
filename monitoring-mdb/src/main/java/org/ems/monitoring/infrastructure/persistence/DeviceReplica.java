package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
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
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "select version, name, owner_id, max_hourly_kwh, time_zone, deleted from monitoring.device where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new MonitoredDevice(id, rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getBigDecimal(4), ZoneId.of(rs.getString(5)), rs.getBoolean(6)));
            }
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read device " + id, e);
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
