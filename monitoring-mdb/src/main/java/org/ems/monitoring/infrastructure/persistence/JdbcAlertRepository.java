package org.ems.monitoring.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.ems.contracts.alert.AlertFacts;
import org.ems.contracts.alert.AlertKind;
import org.ems.contracts.alert.AlertMessage;
import org.ems.contracts.device.MonthlyBudget;
import org.ems.contracts.paging.Page;
import org.ems.contracts.paging.PageRequest;
import org.ems.contracts.platform.ServerResources;
import org.ems.contracts.platform.Sql;
import org.ems.monitoring.domain.AlertRepository;
import org.ems.monitoring.domain.ClockHours;
import org.ems.monitoring.domain.HourTotal;
import org.ems.monitoring.domain.MonitoredDevice;
import org.ems.monitoring.domain.Projection;

/**
 * Stored alerts, {@code monitoring.alert}: its unique (device, kind, period start, stage) key makes a second alert for
 * a period impossible, whichever instance or thread tries.
 */
@ApplicationScoped
public class JdbcAlertRepository implements AlertRepository {

    private static final String COLUMNS = AlertRows.COLUMNS;

    /** Alerts in an owner's scope: of the devices they own now, per the replica (null: all). */
    private static final String IN_SCOPE = "(?::uuid is null or exists (select 1 from monitoring.device d"
            + " where d.id = a.device_id and d.owner_id = ?::uuid))";

    /** The open silences of devices not deleted. */
    private static final String SILENT_METERS =
            " from monitoring.alert a join monitoring.device d on d.id = a.device_id"
                    + " where a.kind = 'SILENT' and a.resolved_at is null and not d.deleted";

    private static final String INSERT = "insert into monitoring.alert as a (id, device_id, kind, period_start,"
            + " period_offset_seconds, stage, kwh, limit_kwh, projected, expected_at, budget_kwh, budget_amount, currency,"
            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, clock_timestamp())"
            + " on conflict (device_id, kind, period_start, stage) do ";

    @Resource(lookup = ServerResources.DATASOURCE)
    DataSource db;

    @Override
    public Optional<AlertMessage> raise(
            MonitoredDevice device, ClockHours.Hour hour, HourTotal total, BigDecimal limit) {
        return sql().first(
                        "cannot store an alert of device " + device.id(),
                        INSERT + "update set withdrawn_at = null, withdrawn_reason = null, kwh = excluded.kwh,"
                                + " limit_kwh = excluded.limit_kwh where a.withdrawn_at is not null returning "
                                + COLUMNS,
                        AlertRows::alert,
                        UUID.randomUUID(),
                        device.id(),
                        AlertKind.OVER_LIMIT.name(),
                        hour.start(),
                        hour.offset().getTotalSeconds(),
                        "",
                        total.kwh(),
                        limit,
                        null,
                        null,
                        null,
                        null,
                        null);
    }

    @Override
    public Optional<AlertMessage> withdraw(UUID deviceId, ClockHours.Hour hour, String reason) {
        return sql().first(
                        "cannot withdraw an alert of device " + deviceId,
                        "update monitoring.alert a set withdrawn_at = clock_timestamp(), withdrawn_reason = ?"
                                + " where a.device_id = ? and a.kind = 'OVER_LIMIT' and a.period_start = ?"
                                + " and a.withdrawn_at is null returning " + COLUMNS,
                        AlertRows::alert,
                        reason,
                        deviceId,
                        hour.start());
    }

    @Override
    public Optional<AlertMessage> project(
            MonitoredDevice device, ClockHours.Hour hour, BigDecimal soFar, BigDecimal limit, Projection projection) {
        return sql().first(
                        "cannot store a projection of device " + device.id(),
                        INSERT + "nothing returning " + COLUMNS,
                        AlertRows::alert,
                        UUID.randomUUID(),
                        device.id(),
                        AlertKind.PROJECTED.name(),
                        hour.start(),
                        hour.offset().getTotalSeconds(),
                        "",
                        soFar,
                        limit,
                        projection.projectedKwh(),
                        projection.expectedAt(),
                        null,
                        null,
                        null);
    }

    @Override
    public List<AlertMessage> settleProjections(Instant now) {
        // The conditions are on the updated row itself (no join): an instance that waited for another's settling of
        // the same rows sees them settled and leaves them, so each is withdrawn and pushed once.
        String over = "exists (select 1 from monitoring.alert o where o.device_id = a.device_id"
                + " and o.kind = 'OVER_LIMIT' and o.period_start = a.period_start and o.withdrawn_at is null)";
        return sql()
                .list(
                        "cannot settle projections",
                        "update monitoring.alert a set settled_at = clock_timestamp(),"
                                + " withdrawn_at = case when " + over + " then null else clock_timestamp() end,"
                                + " withdrawn_reason = case when " + over + " then null"
                                + " else 'the hour ended within its limit' end"
                                + " where a.kind = 'PROJECTED' and a.settled_at is null"
                                + " and a.period_start <= ?::timestamptz - interval '1 hour' returning " + COLUMNS,
                        AlertRows::alert,
                        now)
                .stream()
                .filter(alert -> !alert.standing())
                .toList();
    }

    @Override
    public List<AlertMessage> silence(Instant now, Duration silentAfter) {
        return sql().list(
                        "cannot raise silent meters",
                        "insert into monitoring.alert as a (id, device_id, kind, period_start, period_offset_seconds, created_at)"
                                + " select gen_random_uuid(), m.device_id, 'SILENT', m.last_arrival_at, 0, clock_timestamp()"
                                + " from monitoring.meter_activity m join monitoring.device d on d.id = m.device_id"
                                + " where not d.deleted and m.last_arrival_at"
                                // its last arrival may be recorded up to ARRIVAL_RESOLUTION early
                                + " <= ?::timestamptz - (coalesce(d.silent_after_seconds, ?) + ?) * interval '1 second'"
                                + " and not exists (select 1 from monitoring.alert s where s.device_id = m.device_id"
                                + " and s.kind = 'SILENT' and s.resolved_at is null)"
                                // a reading arriving meanwhile waits, or is waited for and then counted: a meter is
                                // never left silent while it reports
                                + " for update of m"
                                + " on conflict (device_id, kind, period_start, stage) do nothing returning " + COLUMNS,
                        AlertRows::alert,
                        now,
                        silentAfter.toSeconds(),
                        ARRIVAL_RESOLUTION.toSeconds());
    }

    @Override
    public List<AlertMessage> arrived(Collection<UUID> deviceIds) {
        return sql().list(
                        "cannot record the arrival of readings",
                        // the insert runs whether or not the update reads it (PostgreSQL runs every data-modifying
                        // WITH to completion): one round trip for both
                        "with moved as (insert into monitoring.meter_activity as m (device_id, last_arrival_at)"
                                + " select id, clock_timestamp() from unnest(?::uuid[]) as id on conflict (device_id) do update"
                                + " set last_arrival_at = excluded.last_arrival_at"
                                + " where m.last_arrival_at < excluded.last_arrival_at - ? * interval '1 second')"
                                + " update monitoring.alert a set resolved_at = clock_timestamp()"
                                + " where a.device_id = any(?::uuid[]) and a.kind = 'SILENT' and a.resolved_at is null"
                                + " returning " + COLUMNS,
                        AlertRows::alert,
                        deviceIds,
                        ARRIVAL_RESOLUTION.toSeconds(),
                        deviceIds);
    }

    @Override
    public Optional<AlertMessage> budget(MonitoredDevice device, ZonedDateTime monthStart, AlertFacts.Budget facts) {
        MonthlyBudget budget = facts.budget();
        return sql().first(
                        "cannot store a budget alert of device " + device.id(),
                        INSERT + "nothing returning " + COLUMNS,
                        AlertRows::alert,
                        UUID.randomUUID(),
                        device.id(),
                        AlertKind.BUDGET.name(),
                        monthStart.toInstant(),
                        monthStart.getOffset().getTotalSeconds(),
                        facts.stage().json(),
                        null,
                        null,
                        facts.projected(),
                        null,
                        budget.kwh(),
                        budget.amount(),
                        facts.currency());
    }

    @Override
    public List<AlertMessage> silentMeters() {
        return sql().list(
                        "cannot read silent meters",
                        "select " + COLUMNS + SILENT_METERS + " order by a.period_start",
                        AlertRows::alert);
    }

    @Override
    public int silentMeterCount() {
        return sql().first("cannot count silent meters", "select count(*)" + SILENT_METERS, rs -> rs.getInt(1))
                .orElse(0);
    }

    @Override
    public Page<AlertMessage> page(Query query, PageRequest page) {
        UUID owner = query.ownerScope().orElse(null);
        UUID device = query.deviceId().orElse(null);
        String ofKind = query.kind().map(AlertKind::name).orElse(null);
        Boolean acknowledged = query.acknowledged().orElse(null);
        String where = " from monitoring.alert a where " + IN_SCOPE
                + " and (?::uuid is null or a.device_id = ?::uuid) and (?::text is null or a.kind = ?::text)"
                + " and (?::boolean is null or (a.acknowledged_at is not null) = ?::boolean)";
        Object[] parameters = {owner, owner, device, device, ofKind, ofKind, acknowledged, acknowledged};
        // Newest first, or (sortBy "created") oldest first: then alerts raised meanwhile come last, after every page.
        String order = "created".equals(page.sortBy()) && !page.descending()
                ? " order by a.created_at, a.id"
                : " order by a.created_at desc, a.id desc";
        List<Object> paged = new ArrayList<>(Arrays.asList(parameters));
        paged.add(page.size());
        paged.add(page.first());
        List<AlertMessage> items = sql().list(
                        "cannot read alerts",
                        "select " + COLUMNS + where + order + " limit ? offset ?",
                        AlertRows::alert,
                        paged.toArray());
        long total = sql().first("cannot count alerts", "select count(*)" + where, rs -> rs.getLong(1), parameters)
                .orElse(0L);
        return new Page<>(items, total);
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
                        rs -> Map.entry(Sql.uuid(rs, 1), rs.getLong(2)),
                        owner,
                        owner)
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Optional<AlertMessage> find(UUID id, Optional<UUID> ownerScope) {
        UUID owner = ownerScope.orElse(null);
        return sql().first(
                        "cannot read alert " + id,
                        "select " + COLUMNS + " from monitoring.alert a where a.id = ? and " + IN_SCOPE,
                        AlertRows::alert,
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
                        AlertRows::alert,
                        id,
                        owner,
                        owner);
    }

    private Sql sql() {
        return new Sql(db);
    }
}
