-- Issue 27: a device's monthly budget (kWh or an amount of its tariff's currency, never both) and how long it may
-- send nothing before it is alerted as silent (null: the setting ems.silent-after).
alter table device add column budget_kwh numeric(12, 3) check (budget_kwh > 0);
alter table device add column budget_amount numeric(14, 2) check (budget_amount > 0);
alter table device add constraint device_one_budget check (budget_kwh is null or budget_amount is null);
alter table device add column silent_after_seconds bigint check (silent_after_seconds >= 60);
