-- Every change an administrator makes to users and devices: who, what, when, before and after.
create table audit_entry (
    id          bigserial    primary key,
    at          timestamptz  not null,
    actor       varchar(64)  not null,
    action      varchar(32)  not null,
    target_type varchar(16)  not null,
    target_id   uuid         not null,
    before      jsonb,
    after       jsonb
);

create index audit_entry_at_idx on audit_entry (at desc, id desc);
