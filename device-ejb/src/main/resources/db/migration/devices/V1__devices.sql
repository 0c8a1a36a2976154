-- Smart energy meters. version counts the device's changes; its events carry it so consumers apply them in order.
create table device (
    id             uuid           primary key,
    name           varchar(200)   not null,
    description    varchar(1000)  not null default '',
    address        varchar(500)   not null default '',
    max_hourly_kwh numeric(12, 3) not null check (max_hourly_kwh > 0),
    owner_id       uuid,
    time_zone      varchar(64)    not null,
    version        bigint         not null,
    created_at     timestamptz    not null,
    updated_at     timestamptz    not null
);

create index device_owner_idx on device (owner_id);
