-- Webhooks (issue 26): administrators register URLs that EMS POSTs events to, signed with each hook's secret
-- (HMAC-SHA256; the secret is kept as given, since signing needs it, and never shown again after creation).
-- failing_since: when the hook's deliveries began to fail without a success since; a day of it disables the hook.
-- Growth: a row per hook, a handful.
create table webhook (
    id             uuid          primary key,
    url            varchar(2000) not null,
    events         varchar(1000) not null,
    secret         varchar(200)  not null,
    enabled        boolean       not null default true,
    disabled_at    timestamptz,
    failing_since  timestamptz,
    created_at     timestamptz   not null,
    updated_at     timestamptz   not null,
    version        bigint        not null default 0
);

-- Deliveries to send (an outbox per hook, as users.mail_outbox): written in the transaction of the event; claimed by
-- any instance for a lease; retried with a growing pause for a day, then failed. cause makes an event delivered again
-- (an alert redelivered) queue nothing twice. Growth: a row per event and hook; finished ones are kept while they are
-- among the last 100 of their hook, or for 7 days (the sender's hourly upkeep).
create table webhook_delivery (
    id              uuid          primary key,
    webhook_id      uuid          not null references webhook (id) on delete cascade,
    event           varchar(64)   not null,
    cause           varchar(200)  not null,
    payload         text          not null,
    status          varchar(10)   not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    claimed_until   timestamptz,
    status_code     integer,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    last_attempt_at timestamptz,
    unique (webhook_id, cause)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'pending';
create index webhook_delivery_hook_idx on webhook_delivery (webhook_id, created_at desc);
