-- E-mail (issue 26). A user's address: one an administrator gives counts as confirmed; one users give themselves is
-- confirmed by a link mailed to it before anything else goes there. One account per address (a reset by address must
-- name one account).
alter table app_user add column email varchar(254);
alter table app_user add column email_confirmed boolean not null default false;
create unique index app_user_email_idx on app_user (lower(email));
-- Whether alerts of the user's devices are mailed to them (on until they switch it off, or follow the unsubscribe
-- link of such a mail), and the key of that link (made with the first such mail).
alter table app_user add column notify_alerts boolean not null default true;
-- Administrators who want every alert of every device mailed (off unless they switch it on).
alter table app_user add column notify_all_alerts boolean not null default false;
alter table app_user add column unsubscribe_key varchar(64);

-- Single-use links mailed to a user: confirming an address, resetting a password. Only the SHA-256 of the token is
-- kept (the token is in the mail alone). Rows go once spent or expired (the mail sender's hourly upkeep).
create table user_token (
    token_hash char(64)     primary key,
    user_id    uuid         not null references app_user (id) on delete cascade,
    purpose    varchar(16)  not null check (purpose in ('confirm-email', 'reset-password')),
    email      varchar(254) not null,
    expires_at timestamptz  not null
);
create index user_token_user_idx on user_token (user_id);

-- Mails to send (an outbox), written in the transaction of what causes them; the sender of any instance claims due
-- rows (for update skip locked, a lease of claimed_until), sends them, and notes the outcome: sent, or a retry later
-- with a growing pause, or failed with the reason. cause is unique: the same cause (an alert and its recipient,
-- delivered again) queues nothing twice. Growth: a row per mail; sent ones are deleted after 30 days, failed ones
-- after 90 (the sender's hourly upkeep).
create table mail_outbox (
    id              uuid          primary key,
    cause           varchar(200)  not null unique,
    user_id         uuid          references app_user (id) on delete cascade,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    text_body       text          not null,
    html_body       text          not null,
    unsubscribe_url varchar(1000),
    status          varchar(8)    not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    claimed_until   timestamptz,
    last_error      varchar(1000),
    created_at      timestamptz   not null,
    finished_at     timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'pending';
create index mail_outbox_finished_idx on mail_outbox (finished_at) where status <> 'pending';
