-- Every accepted meter reading, once: a reading with the same device and timestamp is a duplicate.
create table meter_reading (
    device_id    uuid           not null,
    reading_time timestamptz    not null,
    kwh          numeric(20, 6) not null check (kwh >= 0),
    received_at  timestamptz    not null default now(),
    primary key (device_id, reading_time)
);
