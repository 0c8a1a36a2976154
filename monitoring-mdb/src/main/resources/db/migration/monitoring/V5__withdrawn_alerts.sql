-- An alert whose hour late readings took back within its limit is withdrawn, not deleted; over again, reinstated.
alter table alert add column withdrawn_at timestamptz;
alter table alert add column withdrawn_reason varchar(300);
