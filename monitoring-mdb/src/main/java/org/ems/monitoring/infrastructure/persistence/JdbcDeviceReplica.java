package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
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
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
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
        return sql()
                .list(
                        "cannot read devices",
                        "select id, version, name, owner_id, max_hourly_kwh, time_zone, deleted"
                                + " from monitoring.device where id = any(?::uuid[])",
                        rs -> new MonitoredDevice(
                                rs.getObject(1, UUID.class),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getObject(4, UUID.class),
                                rs.getBigDecimal(5),
                                ZoneId.of(rs.getString(6)),
                                rs.getBoolean(7)),
                        ids)
                .stream()
                .collect(Collectors.toMap(MonitoredDevice::id, device -> device));
    }

    @Override
    public boolean putIfNewer(MonitoredDevice device) {
        return sql().update(
                                "cannot store device " + device.id(),
                                "insert into monitoring.device as d (id, version, name, owner_id, max_hourly_kwh, time_zone,"
                                        + " deleted) values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set"
                                        + " version = excluded.version, name = excluded.name, owner_id = excluded.owner_id,"
                                        + " max_hourly_kwh = excluded.max_hourly_kwh, time_zone = excluded.time_zone,"
                                        + " deleted = excluded.deleted where d.version < excluded.version",
                                device.id(),
                                device.version(),
                                device.name(),
                                device.ownerId(),
                                device.maxHourlyKwh(),
                                device.zone().getId(),
                                device.deleted())
                == 1;
    }

    @Override
    public void limitFrom(UUID id, Instant from, BigDecimal maxHourlyKwh) {
        sql().update(
                        "cannot store the limit of device " + id,
                        "insert into monitoring.device_limit (device_id, effective_from, max_hourly_kwh) values (?, ?, ?)"
                                + " on conflict (device_id, effective_from) do update"
                                + " set max_hourly_kwh = excluded.max_hourly_kwh",
                        id,
                        from,
                        maxHourlyKwh);
    }

    @Override
    public Map<UUID, LimitHistory> limits(Collection<UUID> ids) {
        Map<UUID, NavigableMap<Instant, BigDecimal>> limits = new HashMap<>();
        sql().list(
                        "cannot read device limits",
                        "select device_id, effective_from, max_hourly_kwh from monitoring.device_limit"
                                + " where device_id = any(?::uuid[])",
                        rs -> new Limit(
                                rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)),
                        ids)
                .forEach(limit -> limits.computeIfAbsent(limit.device(), id -> new TreeMap<>())
                        .put(limit.from(), limit.kwh()));
        Map<UUID, LimitHistory> histories = new HashMap<>();
        limits.forEach((id, byInstant) -> histories.put(id, new LimitHistory(byInstant)));
        return histories;
    }

    /** A row of {@code monitoring.device_limit}. */
    private record Limit(UUID device, Instant from, BigDecimal kwh) {}

    private Sql sql() {
        return new Sql(db);
    }
}
