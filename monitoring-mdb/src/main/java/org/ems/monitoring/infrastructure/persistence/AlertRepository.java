package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.monitoring.application.Alert;
import org.ems.monitoring.domain.ClockHours;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.MonitoredDevice;

/** Stored alerts, {@code monitoring.alert}: its unique (device, hour) key makes a second alert for an hour impossible. */
@ApplicationScoped
public class AlertRepository {

    private static final String COLUMNS =
            "id, device_id, owner_id, hour_start, hour_offset_seconds, kwh, limit_kwh, created_at, acknowledged_at";

    @Resource(lookup = "jdbc/ems")
    DataSource db;

    /** The alert for this device-hour, if there was none yet; empty when the hour has one already. */
    public Optional<Alert> raise(MonitoredDevice device, ClockHours.Hour hour, HourTotal total, BigDecimal limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into monitoring.alert (id, device_id, owner_id, hour_start, hour_offset_seconds, kwh, limit_kwh,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, clock_timestamp())"
                        + " on conflict (device_id, hour_start) do nothing returning " + COLUMNS)) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, device.id());
            s.setObject(3, device.ownerId());
            s.setTimestamp(4, Timestamp.from(hour.start()));
            s.setInt(5, hour.offset().getTotalSeconds());
            s.setBigDecimal(6, total.kwh());
            s.setBigDecimal(7, limit);
            return first(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot store an alert of device " + device.id(), e);
        }
    }

    /**
     * The newest alerts first, at most {@code limit}.
     *
     * @param ownerId only this owner's, or everyone's when empty
     * @param deviceId only this device's, or every device's when empty
     */
    public List<Alert> list(Optional<UUID> ownerId, Optional<UUID> deviceId, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("select " + COLUMNS
                + " from monitoring.alert where (?::uuid is null or owner_id = ?::uuid)"
                + " and (?::uuid is null or device_id = ?::uuid) order by created_at desc, id limit ?")) {
            s.setObject(1, ownerId.orElse(null));
            s.setObject(2, ownerId.orElse(null));
            s.setObject(3, deviceId.orElse(null));
            s.setObject(4, deviceId.orElse(null));
            s.setInt(5, limit);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    alerts.add(alert(rs));
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read alerts", e);
        }
    }

    /** Marks the alert acknowledged (the first time only); empty when there is no such alert of {@code ownerId}. */
    public Optional<Alert> acknowledge(UUID id, Optional<UUID> ownerId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update monitoring.alert set acknowledged_at = coalesce(acknowledged_at, clock_timestamp())"
                        + " where id = ? and (?::uuid is null or owner_id = ?::uuid) returning " + COLUMNS)) {
            s.setObject(1, id);
            s.setObject(2, ownerId.orElse(null));
            s.setObject(3, ownerId.orElse(null));
            return first(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot acknowledge alert " + id, e);
        }
    }

    private static Optional<Alert> first(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
        }
    }

    private static Alert alert(ResultSet rs) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp(9);
        return new Alert(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getTimestamp(4).toInstant().atOffset(ZoneOffset.ofTotalSeconds(rs.getInt(5))),
                rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getTimestamp(8).toInstant(),
                acknowledged == null ? null : acknowledged.toInstant());
    }
}
