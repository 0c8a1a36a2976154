-- Notification preferences (issue 26): chat messages mailed to a user who is away; quiet hours in the user's zone
-- (both ends or neither; from = to is refused by the application); a daily digest instead of mails at once.
alter table app_user add column notify_chat boolean not null default true;
alter table app_user add column quiet_from time;
alter table app_user add column quiet_to time;
alter table app_user add constraint app_user_quiet_hours check ((quiet_from is null) = (quiet_to is null));
alter table app_user add column daily_digest boolean not null default false;
-- When the user last had an EMS page or socket open (written at most once a minute per user and instance): a chat
-- message is mailed only to someone away for 5 minutes.
alter table app_user add column last_seen_at timestamptz;

-- Notifications that wait (quiet hours, the daily digest) and go out as one summary mail at release_at. A released
-- row stays, with released_at, so that the same cause delivered again queues nothing (as mail_outbox's cause does),
-- and so that a withdrawn alert whose summary went is withdrawn by mail. Growth: a row per held notification;
-- released ones are deleted after 30 days (the mail sender's hourly upkeep).
create table held_notification (
    id          uuid          primary key,
    cause       varchar(200)  not null unique,
    user_id     uuid          not null references app_user (id) on delete cascade,
    list        varchar(16)   not null,
    subject     varchar(300)  not null,
    text_body   text          not null,
    created_at  timestamptz   not null,
    release_at  timestamptz   not null,
    released_at timestamptz
);
create index held_notification_due_idx on held_notification (release_at) where released_at is null;
create index held_notification_user_idx on held_notification (user_id) where released_at is null;
create index held_notification_released_idx on held_notification (released_at) where released_at is not null;
