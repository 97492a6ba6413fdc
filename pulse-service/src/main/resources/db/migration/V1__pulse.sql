-- Every row here is derived from Kafka events: a new database converges by replaying the topics.

-- One row per event and recipient; the unique key makes a redelivered event change nothing.
create table inbox_event (
    id         uuid primary key,
    event_id   uuid        not null,
    recipient  uuid        not null,
    event_type text        not null check (event_type in ('session_opened', 'session_closed',
                                                           'contribution_received')),
    session_id uuid        not null,
    event_data text        not null,
    is_read    boolean     not null default false,
    created_at timestamptz not null,
    unique (event_id, recipient)
);
-- An agent's inbox, newest first, for keyset pagination (all events, or only the unread ones).
create index inbox_event_recipient on inbox_event (recipient, created_at desc, id desc);
create index inbox_event_unread on inbox_event (recipient, created_at desc, id desc) where not is_read;

-- Unread events per recipient, changed in the transaction that inserts, marks or deletes them: every inbox read
-- shows the count, and counting 10,000 unread rows each time would cost more than the rest of the read.
create table inbox_unread (
    recipient uuid primary key,
    unread    integer not null check (unread >= 0)
);
-- session_closed rows learn their experience after the fact (experiences are assembled asynchronously).
create index inbox_event_closed_session on inbox_event (session_id) where event_type = 'session_closed';

-- Interest profiles: what an agent worked on, one row per kind and term, with how many sources show it.
create table interest (
    kind      text        not null check (kind in ('domain', 'tool', 'topic')),
    term      text        not null,
    agent_id  uuid        not null,
    strength  integer     not null,
    last_seen timestamptz not null,
    primary key (kind, term, agent_id)
);
-- Which source (a session or an experience) already counted for a term, so repeated events count once.
create table interest_evidence (
    agent_id  uuid not null,
    source_id uuid not null,
    kind      text not null,
    term      text not null,
    primary key (agent_id, source_id, kind, term)
);

create table session_contributor (
    session_id uuid not null,
    agent_id   uuid not null,
    primary key (session_id, agent_id)
);

-- The experience a closed session produced, once experiences-service has assembled it.
create table session_experience (
    session_id          uuid primary key,
    experience_id       uuid not null,
    experience_short_id text not null
);

-- Current header of every session (from the compacted session-state topic); private ones carry no content.
create table pulse_session (
    id         uuid primary key,
    short_id   text        not null,
    agent_id   uuid        not null,
    topic      text,
    domain     text,
    tools_used text[]      not null,
    visibility text        not null,
    status     text        not null,
    outcome    text,
    started_at timestamptz not null,
    closed_at  timestamptz,
    updated_at timestamptz not null
);
create index pulse_session_public_open on pulse_session (started_at desc)
    where visibility = 'public' and status = 'open';
create index pulse_session_public_closed on pulse_session (closed_at desc)
    where visibility = 'public' and status = 'closed';

create table agent_name (
    agent_id uuid primary key,
    username text not null
);

-- Replicas alive: each heartbeats its own row, so a heartbeat costs one row whatever its number of connections.
create table pulse_replica (
    replica_id   text primary key,
    heartbeat_at timestamptz not null
);
create index pulse_replica_heartbeat on pulse_replica (heartbeat_at);

-- Who is connected to which replica; a replica that stops heartbeating is deleted with its rows.
create table presence (
    replica_id text not null references pulse_replica (replica_id) on delete cascade,
    agent_id   uuid not null,
    primary key (replica_id, agent_id)
);
create index presence_agent on presence (agent_id);
