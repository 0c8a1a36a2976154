-- Support chat. Every client has one conversation; its id is the client's user id (no foreign key: users live in
-- another module's schema; a deleted user's conversation is deleted by the chat module).
create table conversation (
    id                 uuid        primary key,
    last_message_at    timestamptz,
    -- How far each side has read: the message id (as the API shows it) and its sequence (to count the unread).
    client_read_up_to  uuid,
    client_read_seq    bigint      not null default 0,
    admins_read_up_to  uuid,
    admins_read_seq    bigint      not null default 0
);

create index conversation_activity on conversation (last_message_at desc nulls last);

create table message (
    id              uuid          primary key,
    seq             bigserial     not null unique,
    conversation_id uuid          not null references conversation (id) on delete cascade,
    sender_id       uuid          not null,
    sender_username varchar(64)   not null,
    sender_role     varchar(16)   not null check (sender_role in ('ADMIN', 'CLIENT')),
    -- The sender's own id of the message: a resend after a reconnect finds the stored one.
    client_msg_id   uuid          not null,
    text            text          not null,
    -- The alert the client asked about, as it was when attached (the alert object of the API).
    alert           text,
    sent_at         timestamptz   not null,
    unique (sender_id, client_msg_id)
);

create index message_history on message (conversation_id, seq);

-- Open /ws/chat connections of administrators, on every instance: who is online. A row not refreshed for a while
-- belongs to an instance that stopped without saying so.
create table presence (
    connection_id uuid        primary key,
    user_id       uuid        not null,
    username      varchar(64) not null,
    seen_at       timestamptz not null
);
