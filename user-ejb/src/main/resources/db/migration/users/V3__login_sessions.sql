-- Every sign-in, for the API (a JWT whose jti is the id) or the pages (a login session). A request is served only
-- while its sign-in is here, not revoked and not expired: deleting, demoting or changing the password of a user
-- ends their access at once, on every instance.
create table login_session (
    id         uuid        primary key,
    user_id    uuid        not null references app_user (id) on delete cascade,
    kind       varchar(8)  not null check (kind in ('TOKEN', 'PAGE')),
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);

create index login_session_user_idx on login_session (user_id);
create index login_session_expires_idx on login_session (expires_at);
