-- Platform tables that every service with a database shares (its own copy, in its own database).

-- Events written in the same transaction as the state change; the relay publishes them in id order.
create table outbox_event (
    id          bigserial primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text        not null,
    payload     text,                       -- null: a tombstone for a compacted topic
    created_at  timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer     not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (id) where sent_at is null;

-- Events a consumer has applied, written in the same transaction as the side effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
