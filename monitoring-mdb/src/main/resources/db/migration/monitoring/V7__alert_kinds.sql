-- Issue 27: alerts of four kinds, each at most one per device and period: OVER_LIMIT and PROJECTED per clock hour,
-- SILENT per silence (its period starts when the last reading arrived), BUDGET per month and stage. The period's start
-- (with the device zone's offset then) and the stage make the unique key; what each kind tells has its own columns.
-- Growth: as before, at most one row per device-hour and kind (PROJECTED only for hours watched live), plus one per
-- silence and two per device-month; alerts are kept with the hourly totals.
alter table alert rename column hour_start to period_start;
alter table alert rename column hour_offset_seconds to period_offset_seconds;
alter table alert add column kind varchar(16) not null default 'OVER_LIMIT'
    check (kind in ('OVER_LIMIT', 'PROJECTED', 'SILENT', 'BUDGET'));
alter table alert add column stage varchar(16) not null default '';
alter table alert alter column kwh drop not null;
alter table alert alter column limit_kwh drop not null;
alter table alert add column projected numeric(20, 6);           -- PROJECTED: the hour's; BUDGET: the month's
alter table alert add column expected_at timestamptz;            -- PROJECTED: when the limit is crossed at that rate
alter table alert add column resolved_at timestamptz;            -- SILENT: when a reading arrived again
alter table alert add column budget_kwh numeric(12, 3);          -- BUDGET: the budget in force, in kWh ...
alter table alert add column budget_amount numeric(14, 2);       -- ... or in money
alter table alert add column currency char(3);
alter table alert add column settled_at timestamptz;             -- PROJECTED: its hour ended (withdrawn if within)
alter table alert drop constraint alert_device_id_hour_start_key;
alter table alert add constraint alert_one_per_period unique (device_id, kind, period_start, stage);
create index alert_silent on alert (device_id) where kind = 'SILENT' and resolved_at is null;
create index alert_projected_unsettled on alert (period_start) where kind = 'PROJECTED' and settled_at is null;

-- What the replica needs for warnings: the tariff (budgets in money), the budget, the device's own silence time.
alter table device add column tariff_id uuid;
alter table device add column budget_kwh numeric(12, 3);
alter table device add column budget_amount numeric(14, 2);
alter table device add column silent_after_seconds bigint;

-- When readings of each device last arrived (not their timestamps: replayed old data never makes a meter silent or
-- live), and when its budget was last checked. One row per device that ever reported.
create table meter_activity (
    device_id        uuid primary key,
    last_arrival_at  timestamptz not null,
    budget_checked_at timestamptz
);
