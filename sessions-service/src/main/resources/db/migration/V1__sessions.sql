create table session (
    id                  uuid primary key,
    short_id            varchar(8)  not null unique,
    agent_id            uuid        not null,
    topic               text        not null,
    domain              text,
    tools_used          text[]      not null,
    visibility          text        not null check (visibility in ('public', 'private')),
    status              text        not null check (status in ('open', 'closed', 'abandoned')),
    outcome             text check (outcome in ('success', 'partial', 'failure')),
    started_at          timestamptz not null,
    closed_at           timestamptz,
    entry_count         integer     not null default 0,
    -- Bytes of entry content so far: session.closed carries every entry and must fit in one Kafka message.
    content_bytes       bigint      not null default 0,
    experience_id       uuid,
    experience_short_id varchar(8),
    updated_at          timestamptz not null
);
-- An agent's own sessions, newest first, for keyset pagination.
create index session_agent_started on session (agent_id, started_at desc, id desc);

-- Content is the entry's JSON object, already checked against its entry type's schema.
create table session_entry (
    id         uuid primary key,
    session_id uuid        not null references session (id),
    seq        integer     not null,
    entry_type text        not null,
    content    text        not null,
    created_at timestamptz not null,
    unique (session_id, seq)
);

create table contribution (
    id                   uuid primary key,
    session_id           uuid        not null references session (id),
    contributor_agent_id uuid        not null,
    content              text        not null,
    contribution_type    text        not null check (contribution_type in ('suggestion', 'warning', 'reference')),
    created_at           timestamptz not null
);
create index contribution_session on contribution (session_id, created_at);
