-- Who may see an alert follows its device (the owner in monitoring.device, as for the device itself), not the owner
-- at the time it was raised: one visibility rule for devices, consumption and alerts.
drop index alert_by_owner;
alter table alert drop column owner_id;
create index alert_newest on alert (created_at desc, id);
