-- EMS accounts. Passwords only as PBKDF2 hashes (Jakarta Security Pbkdf2PasswordHash format).
create table app_user (
    id            uuid         primary key,
    username      varchar(64)  not null,
    password_hash varchar(512) not null,
    name          varchar(200) not null,
    role          varchar(16)  not null check (role in ('ADMIN', 'CLIENT')),
    time_zone     varchar(64)  not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0
);

-- Usernames are unique regardless of case.
create unique index app_user_username_key on app_user (lower(username));
