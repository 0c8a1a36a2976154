-- Tariffs (issue 27): a currency and dated versions of prices per kWh, kept as the API shows them (JSON: they are
-- always read and written whole, and priced in the application). Names are unique in any case. Growth: a handful.
create table tariff (
    id         uuid          primary key,
    name       varchar(200)  not null,
    currency   char(3)       not null,
    versions   text          not null,
    version    bigint        not null default 0,
    created_at timestamptz   not null,
    updated_at timestamptz   not null
);
create unique index tariff_name_idx on tariff (lower(name));

-- A device's tariff, if it has one; a tariff in use cannot be deleted (no cascade: the API answers 409).
alter table device add column tariff_id uuid references tariff (id);
create index device_tariff_idx on device (tariff_id);
