-- The locks a transaction takes before it reads or writes devices' readings (JdbcReadingRepository.lock): the months'
-- lock shared, then each device's, in key order. Sharing the months' lock makes the upkeep's work on the months
-- (lock_reading_months) wait for the readings being applied, and readings wait for a month being made: a statement
-- planned before a month's attach commits would see neither its rows, moved out of the default partition, nor the new
-- partition, and a reading merged with none of its neighbours would book no energy (JdbcReadingMonthsTest).
create function lock_devices(keys bigint[]) returns void
    language plpgsql as $$
declare
    k bigint;
begin
    perform pg_advisory_xact_lock_shared(hashtext('monitoring'), hashtext('reading_months'));
    foreach k in array (select coalesce(array_agg(distinct x order by x), '{}') from unnest(keys) x) loop
        perform pg_advisory_xact_lock(k);
    end loop;
end
$$;
