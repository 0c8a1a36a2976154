-- Monitoring's own copy of the devices, kept by device events (applied in version order) and the start-up snapshot.
-- A deleted device stays as a tombstone so that a late, older event cannot bring it back.
create table device (
    id             uuid primary key,
    version        bigint         not null,
    name           text           not null,
    owner_id       uuid,
    max_hourly_kwh numeric(12, 3) not null check (max_hourly_kwh > 0),
    time_zone      text           not null,
    deleted        boolean        not null default false
);

-- Energy booked per device and quarter hour of UTC; a clock hour of any zone is the sum of its quarters (Interval).
-- Flags are counts of the intervals that raise them. Totals are changed only under the device's advisory lock.
create table quarter_total (
    device_id     uuid            not null,
    quarter_start timestamptz     not null,
    kwh           numeric(38, 18) not null check (kwh >= 0),
    readings      integer         not null check (readings >= 0),
    resets        integer         not null check (resets >= 0),
    estimates     integer         not null check (estimates >= 0),
    primary key (device_id, quarter_start)
);

-- At most one alert per device and clock hour, ever: the unique key, not the code, guarantees it.
create table alert (
    id                  uuid primary key,
    device_id           uuid           not null,
    owner_id            uuid,
    hour_start          timestamptz    not null,
    hour_offset_seconds integer        not null,
    kwh                 numeric(20, 6) not null,
    limit_kwh           numeric(12, 3) not null,
    created_at          timestamptz    not null,
    acknowledged_at     timestamptz,
    unique (device_id, hour_start)
);
create index alert_by_owner on alert (owner_id, created_at desc);
create index alert_by_time on alert (created_at desc);
