-- The limits a device had and since when: an hour is judged by the limit in force when it started, so lowering a
-- limit applies to hours still to come (a late reading of an earlier hour meets that hour's limit).
create table device_limit (
    device_id      uuid           not null,
    effective_from timestamptz    not null,
    max_hourly_kwh numeric(12, 3) not null check (max_hourly_kwh > 0),
    primary key (device_id, effective_from)
);

-- Devices known before this table: their limit applies to every hour.
insert into device_limit (device_id, effective_from, max_hourly_kwh)
select id, timestamptz '1970-01-01 00:00:00+00', max_hourly_kwh from device;
