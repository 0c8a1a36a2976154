-- The language a user chose for the pages; null follows the browser's.
alter table app_user add column language varchar(8) check (language in ('en', 'ro'));
