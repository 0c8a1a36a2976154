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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.platform.ServerResources;
import org.ems.monitoring.domain.AlertRepository;
import org.ems.monitoring.domain.ClockHours;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.MonitoredDevice;

/** Stored alerts, {@code monitoring.alert}: its unique (device, hour) key makes a second alert for an hour impossible. */
@ApplicationScoped
public class JdbcAlertRepository implements AlertRepository {

    private static final String COLUMNS =
            "a.id, a.device_id, a.hour_start, a.hour_offset_seconds, a.kwh, a.limit_kwh, a.created_at, a.acknowledged_at,"
                    + " a.withdrawn_at, a.withdrawn_reason";

    /** Alerts in an owner's scope: of the devices they own now, per the replica (null: all). */
    private static final String IN_SCOPE = "(?::uuid is null or exists (select 1 from monitoring.device d"
            + " where d.id = a.device_id and d.owner_id = ?::uuid))";

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public Optional<AlertMessage> raise(
            MonitoredDevice device, ClockHours.Hour hour, HourTotal total, BigDecimal limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into monitoring.alert as a (id, device_id, hour_start, hour_offset_seconds, kwh, limit_kwh,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, clock_timestamp())"
                                + " on conflict (device_id, hour_start) do update set withdrawn_at = null,"
                                + " withdrawn_reason = null, kwh = excluded.kwh, limit_kwh = excluded.limit_kwh"
                                + " where a.withdrawn_at is not null returning " + COLUMNS)) {
            s.setObject(1, UUID.randomUUID());
            s.setObject(2, device.id());
            s.setTimestamp(3, Timestamp.from(hour.start()));
            s.setInt(4, hour.offset().getTotalSeconds());
            s.setBigDecimal(5, total.kwh());
            s.setBigDecimal(6, limit);
            return first(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot store an alert of device " + device.id(), e);
        }
    }

    @Override
    public List<AlertMessage> list(Optional<UUID> ownerScope, Optional<UUID> deviceId, int limit) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select " + COLUMNS
                        + " from monitoring.alert a where " + IN_SCOPE
                        + " and (?::uuid is null or a.device_id = ?::uuid) order by a.created_at desc, a.id limit ?")) {
            s.setObject(1, ownerScope.orElse(null));
            s.setObject(2, ownerScope.orElse(null));
            s.setObject(3, deviceId.orElse(null));
            s.setObject(4, deviceId.orElse(null));
            s.setInt(5, limit);
            List<AlertMessage> alerts = new ArrayList<>();
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

    @Override
    public Map<UUID, Long> unacknowledgedByDevice(Optional<UUID> ownerScope) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select a.device_id, count(*) from monitoring.alert a"
                        + " where a.acknowledged_at is null and a.withdrawn_at is null and " + IN_SCOPE
                        + " group by a.device_id")) {
            s.setObject(1, ownerScope.orElse(null));
            s.setObject(2, ownerScope.orElse(null));
            Map<UUID, Long> counts = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot count alerts", e);
        }
    }

    @Override
    public Optional<AlertMessage> withdraw(UUID deviceId, ClockHours.Hour hour, String reason) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update monitoring.alert a set withdrawn_at = clock_timestamp(), withdrawn_reason = ?"
                                + " where a.device_id = ? and a.hour_start = ? and a.withdrawn_at is null returning "
                                + COLUMNS)) {
            s.setString(1, reason);
            s.setObject(2, deviceId);
            s.setTimestamp(3, Timestamp.from(hour.start()));
            return first(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot withdraw an alert of device " + deviceId, e);
        }
    }

    @Override
    public Optional<AlertMessage> find(UUID id, Optional<UUID> ownerScope) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select " + COLUMNS + " from monitoring.alert a where a.id = ? and " + IN_SCOPE)) {
            s.setObject(1, id);
            s.setObject(2, ownerScope.orElse(null));
            s.setObject(3, ownerScope.orElse(null));
            return first(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot read alert " + id, e);
        }
    }

    @Override
    public Optional<AlertMessage> acknowledge(UUID id, Optional<UUID> ownerScope) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "update monitoring.alert a set acknowledged_at = coalesce(a.acknowledged_at, clock_timestamp())"
                                + " where a.id = ? and " + IN_SCOPE + " returning " + COLUMNS)) {
            s.setObject(1, id);
            s.setObject(2, ownerScope.orElse(null));
            s.setObject(3, ownerScope.orElse(null));
            return first(s);
        } catch (SQLException e) {
            throw new PersistenceFailure("cannot acknowledge alert " + id, e);
        }
    }

    private static Optional<AlertMessage> first(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(alert(rs)) : Optional.empty();
        }
    }

    private static AlertMessage alert(ResultSet rs) throws SQLException {
        Timestamp acknowledged = rs.getTimestamp(8);
        Timestamp withdrawn = rs.getTimestamp(9);
        return new AlertMessage(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.ofTotalSeconds(rs.getInt(4))),
                rs.getBigDecimal(5),
                rs.getBigDecimal(6),
                rs.getTimestamp(7).toInstant(),
                acknowledged == null ? null : acknowledged.toInstant(),
                withdrawn == null ? null : withdrawn.toInstant(),
                rs.getString(10));
    }
}
