package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
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
        return sql().first(
                        "cannot store an alert of device " + device.id(),
                        "insert into monitoring.alert as a (id, device_id, hour_start, hour_offset_seconds, kwh, limit_kwh,"
                                + " created_at) values (?, ?, ?, ?, ?, ?, clock_timestamp())"
                                + " on conflict (device_id, hour_start) do update set withdrawn_at = null,"
                                + " withdrawn_reason = null, kwh = excluded.kwh, limit_kwh = excluded.limit_kwh"
                                + " where a.withdrawn_at is not null returning " + COLUMNS,
                        JdbcAlertRepository::alert,
                        UUID.randomUUID(),
                        device.id(),
                        hour.start(),
                        hour.offset().getTotalSeconds(),
                        total.kwh(),
                        limit);
    }

    @Override
    public List<AlertMessage> list(Optional<UUID> ownerScope, Optional<UUID> deviceId, int limit) {
        UUID owner = ownerScope.orElse(null);
        UUID device = deviceId.orElse(null);
        return sql().list(
                        "cannot read alerts",
                        "select " + COLUMNS + " from monitoring.alert a where " + IN_SCOPE
                                + " and (?::uuid is null or a.device_id = ?::uuid) order by a.created_at desc, a.id limit ?",
                        JdbcAlertRepository::alert,
                        owner,
                        owner,
                        device,
                        device,
                        limit);
    }

    @Override
    public Map<UUID, Long> unacknowledgedByDevice(Optional<UUID> ownerScope) {
        UUID owner = ownerScope.orElse(null);
        return sql()
                .list(
                        "cannot count alerts",
                        "select a.device_id, count(*) from monitoring.alert a"
                                + " where a.acknowledged_at is null and a.withdrawn_at is null and " + IN_SCOPE
                                + " group by a.device_id",
                        rs -> Map.entry(rs.getObject(1, UUID.class), rs.getLong(2)),
                        owner,
                        owner)
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Optional<AlertMessage> withdraw(UUID deviceId, ClockHours.Hour hour, String reason) {
        return sql().first(
                        "cannot withdraw an alert of device " + deviceId,
                        "update monitoring.alert a set withdrawn_at = clock_timestamp(), withdrawn_reason = ?"
                                + " where a.device_id = ? and a.hour_start = ? and a.withdrawn_at is null returning "
                                + COLUMNS,
                        JdbcAlertRepository::alert,
                        reason,
                        deviceId,
                        hour.start());
    }

    @Override
    public Optional<AlertMessage> find(UUID id, Optional<UUID> ownerScope) {
        UUID owner = ownerScope.orElse(null);
        return sql().first(
                        "cannot read alert " + id,
                        "select " + COLUMNS + " from monitoring.alert a where a.id = ? and " + IN_SCOPE,
                        JdbcAlertRepository::alert,
                        id,
                        owner,
                        owner);
    }

    @Override
    public Optional<AlertMessage> acknowledge(UUID id, Optional<UUID> ownerScope) {
        UUID owner = ownerScope.orElse(null);
        return sql().first(
                        "cannot acknowledge alert " + id,
                        "update monitoring.alert a set acknowledged_at = coalesce(a.acknowledged_at, clock_timestamp())"
                                + " where a.id = ? and " + IN_SCOPE + " returning " + COLUMNS,
                        JdbcAlertRepository::alert,
                        id,
                        owner,
                        owner);
    }

    private Sql sql() {
        return new Sql(db);
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
