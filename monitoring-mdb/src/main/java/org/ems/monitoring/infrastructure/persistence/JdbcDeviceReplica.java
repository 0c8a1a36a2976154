package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
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
import org.ems.contracts.device.MonthlyBudget;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.monitoring.domain.AlertRepository;
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
                        "select " + COLUMNS + " from monitoring.device d where d.id = any(?::uuid[])",
                        JdbcDeviceReplica::device,
                        ids)
                .stream()
                .collect(Collectors.toMap(MonitoredDevice::id, device -> device));
    }

    @Override
    public List<MonitoredDevice> budgeted() {
        return sql().list(
                        "cannot read devices with a budget",
                        "select " + COLUMNS
                                + " from monitoring.device d join monitoring.meter_activity m on m.device_id = d.id"
                                + " where not d.deleted and (d.budget_kwh is not null or d.budget_amount is not null)"
                                // arrivals are recorded up to ARRIVAL_RESOLUTION late: a check soon after one comes
                                // again
                                + " and (m.budget_checked_at is null"
                                + " or m.last_arrival_at > m.budget_checked_at - ? * interval '1 second')",
                        JdbcDeviceReplica::device,
                        AlertRepository.ARRIVAL_RESOLUTION.toSeconds());
    }

    @Override
    public void budgetChecked(UUID id, Instant at) {
        sql().update(
                        "cannot record the budget check of device " + id,
                        "update monitoring.meter_activity set budget_checked_at = ? where device_id = ?",
                        at,
                        id);
    }

    private static final String COLUMNS = "d.id, d.version, d.name, d.owner_id, d.max_hourly_kwh, d.time_zone,"
            + " d.deleted, d.tariff_id, d.budget_kwh, d.budget_amount, d.silent_after_seconds";

    private static MonitoredDevice device(java.sql.ResultSet rs) throws java.sql.SQLException {
        BigDecimal budgetKwh = rs.getBigDecimal(9);
        BigDecimal budgetAmount = rs.getBigDecimal(10);
        long seconds = rs.getLong(11);
        Duration silentAfter = rs.wasNull() ? null : Duration.ofSeconds(seconds);
        return new MonitoredDevice(
                Sql.uuid(rs, 1),
                rs.getLong(2),
                rs.getString(3),
                Sql.uuid(rs, 4),
                rs.getBigDecimal(5),
                ZoneId.of(rs.getString(6)),
                rs.getBoolean(7),
                Sql.uuid(rs, 8),
                budgetKwh == null && budgetAmount == null ? null : new MonthlyBudget(budgetKwh, budgetAmount),
                silentAfter);
    }

    @Override
    public boolean putIfNewer(MonitoredDevice device) {
        return sql().update(
                                "cannot store device " + device.id(),
                                "insert into monitoring.device as d (id, version, name, owner_id, max_hourly_kwh, time_zone,"
                                        + " deleted, tariff_id, budget_kwh, budget_amount, silent_after_seconds)"
                                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set"
                                        + " version = excluded.version, name = excluded.name, owner_id = excluded.owner_id,"
                                        + " max_hourly_kwh = excluded.max_hourly_kwh, time_zone = excluded.time_zone,"
                                        + " deleted = excluded.deleted, tariff_id = excluded.tariff_id,"
                                        + " budget_kwh = excluded.budget_kwh, budget_amount = excluded.budget_amount,"
                                        + " silent_after_seconds = excluded.silent_after_seconds"
                                        + " where d.version < excluded.version",
                                device.id(),
                                device.version(),
                                device.name(),
                                device.ownerId(),
                                device.maxHourlyKwh(),
                                device.zone().getId(),
                                device.deleted(),
                                device.tariffId(),
                                device.budget() == null ? null : device.budget().kwh(),
                                device.budget() == null ? null : device.budget().amount(),
                                device.silentAfter() == null
                                        ? null
                                        : device.silentAfter().toSeconds())
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
                        rs -> new Limit(Sql.uuid(rs, 1), rs.getTimestamp(2).toInstant(), rs.getBigDecimal(3)),
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
