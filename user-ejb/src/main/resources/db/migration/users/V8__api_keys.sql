-- API keys (issue 29): back-office systems' credentials (a billing system's nightly pull). Only the key's SHA-256 is
-- kept (a key is 256 random bits: no salt or slow hash is needed against guessing, and each request checks it).
-- Revoked keys stay, with revoked_at, for the record of who used what. last_used_at is written at most once a minute.
-- Growth: a row per key an administrator makes, a handful to hundreds.
create table api_key (
    id           uuid         primary key,
    name         varchar(100) not null,
    role         varchar(16)  not null check (role in ('ADMIN', 'READER')),
    key_hash     varchar(64)  not null unique,
    created_by   varchar(200) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
