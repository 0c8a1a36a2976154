-- Raw readings partitioned by calendar month (UTC): removing old ones (ems.retention.readings) drops whole months
-- instead of deleting rows one by one, and every month's index stays the size of a month. A reading of a month that
-- has no partition yet lands in meter_reading_default and is moved out when that month's partition is made.

alter table meter_reading rename to meter_reading_before_months;
alter index meter_reading_pkey rename to meter_reading_before_months_pkey;

create table meter_reading (
    device_id    uuid           not null,
    reading_time timestamptz    not null,
    kwh          numeric(20, 6) not null check (kwh >= 0),
    received_at  timestamptz    not null default now(),
    primary key (device_id, reading_time)
) partition by range (reading_time);

create table meter_reading_default partition of meter_reading default;

-- Work on the months goes one transaction at a time (every instance runs the upkeep), and takes this lock before it
-- touches a table, so that two of them cannot wait for each other. Two keys: not the space of the devices' locks.
create function lock_reading_months() returns void
    language sql as $$
    select pg_advisory_xact_lock(hashtext('monitoring'), hashtext('reading_months'))
$$;

-- The partition of the month that starts at month_start (UTC), made once: rows of that month waiting in the default
-- partition move into it. The one place that makes months: this migration and the hourly upkeep (ReadingMonths) call
-- it. Returns whether it made the partition.
create function reading_month(month_start timestamptz) returns boolean
    language plpgsql as $$
declare
    -- month arithmetic on UTC's wall clock: the session's time zone plays no part
    month_end timestamptz := (date_trunc('month', month_start at time zone 'UTC') + interval '1 month') at time zone 'UTC';
    name      text        := 'meter_reading_' || to_char(month_start at time zone 'UTC', 'YYYY_MM');
begin
    if month_start <> date_trunc('month', month_start, 'UTC') then
        raise exception 'not the start of a month in UTC: %', month_start;
    end if;
    perform monitoring.lock_reading_months();
    if to_regclass('monitoring.' || name) is not null then
        return false;
    end if;
    -- no reading of that month may enter the default partition between the move and the attach
    lock table monitoring.meter_reading_default in share row exclusive mode;
    execute format('create table monitoring.%I (like monitoring.meter_reading including defaults including constraints)',
                   name);
    execute format('with moved as (delete from monitoring.meter_reading_default'
                       || ' where reading_time >= %L and reading_time < %L returning *)'
                       || ' insert into monitoring.%I select * from moved', month_start, month_end, name);
    execute format('alter table monitoring.meter_reading attach partition monitoring.%I for values from (%L) to (%L)',
                   name, month_start, month_end);
    return true;
end
$$;

-- The months of the readings waiting in the default partition (late ones, far ahead ones, restored ones), made.
-- Returns how many it made.
create function reading_months_waiting() returns integer
    language plpgsql as $$
declare
    made integer;
begin
    perform monitoring.lock_reading_months(); -- before the default partition is read
    select count(*) filter (where monitoring.reading_month(m)) into made
    from (select distinct date_trunc('month', reading_time, 'UTC') from monitoring.meter_reading_default) months(m);
    return made;
end
$$;

-- Removes the readings from before the cutoff: each month that ends by then is dropped whole, older rows in the
-- default partition are deleted; the month the cutoff falls in stays whole. Returns the months dropped.
create function remove_readings_before(cutoff timestamptz) returns integer
    language plpgsql as $$
declare
    month   record;
    dropped integer := 0;
begin
    perform monitoring.lock_reading_months();
    for month in
        select c.relname
        from pg_inherits i
                 join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'monitoring.meter_reading'::regclass
          and c.relname ~ '^meter_reading_\d{4}_\d{2}$'
          and (to_date(substr(c.relname, 15), 'YYYY_MM') + interval '1 month') at time zone 'UTC' <= cutoff
        order by c.relname
    loop
        execute format('drop table if exists monitoring.%I', month.relname);
        dropped := dropped + 1;
    end loop;
    delete from monitoring.meter_reading_default where reading_time < cutoff;
    return dropped;
end
$$;

-- A month for every month that has readings, and this month and the two after it; then the readings move over.
select reading_month(month_start)
from (select distinct date_trunc('month', reading_time, 'UTC') as month_start from meter_reading_before_months
      union
      select (date_trunc('month', now() at time zone 'UTC') + make_interval(months => n)) at time zone 'UTC'
      from generate_series(0, 2) n) months;
insert into meter_reading select * from meter_reading_before_months;
drop table meter_reading_before_months;
