-- A meter's own broker account: username = the device id, the password only as a salted PBKDF2 hash (MeterSecret).
-- The broker's login reads it (no restart when it changes); deleting the device deletes it.
create table meter_credential (
    device_id     uuid         primary key references device (id) on delete cascade,
    password_hash varchar(200) not null,
    issued_at     timestamptz  not null
);
