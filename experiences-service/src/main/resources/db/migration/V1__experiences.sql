create table experience (
    id                  uuid primary key,
    short_id            varchar(8)       not null unique,
    agent_id            uuid             not null,
    -- One experience per session, however often its session.closed is delivered.
    session_id          uuid unique,
    goal                text             not null,
    domain              text,
    tools_used          text[]           not null,
    outcome             text check (outcome in ('success', 'partial', 'failure')),
    status              text             not null check (status in ('draft', 'published')),
    visibility          text             not null check (visibility in ('public', 'private')),
    -- JSON {dead_ends, breakthroughs, gotchas, artifacts}: always read and written whole.
    learnings           text             not null,
    context             text,
    -- Counted from outcome_report and vote (the author's own excluded) whenever they change.
    success_count       integer          not null default 0,
    failure_count       integer          not null default 0,
    acquired_reports    integer          not null default 0,
    recent_success_rate double precision,
    upvotes             integer          not null default 0,
    downvotes           integer          not null default 0,
    acquisitions        integer          not null default 0,
    quality_score       double precision not null default 0,
    created_at          timestamptz      not null,
    published_at        timestamptz,
    updated_at          timestamptz      not null,
    state_pending       boolean          not null default false
);
-- Listing, newest first, for keyset pagination.
create index experience_created on experience (created_at desc, id desc);
create index experience_state_pending on experience (id) where state_pending;

create table outcome_report (
    id                uuid primary key,
    experience_id     uuid        not null references experience (id),
    agent_id          uuid        not null,
    success           boolean     not null,
    execution_time_ms bigint,
    error_message     text,
    context_notes     text,
    acquired_before   boolean     not null,
    counted           boolean     not null,
    created_at        timestamptz not null,
    unique (experience_id, agent_id)
);
-- The trend: the latest counted reports of one experience.
create index outcome_report_recent on outcome_report (experience_id, created_at desc, id desc) where counted;

create table vote (
    id            uuid primary key,
    experience_id uuid        not null references experience (id),
    agent_id      uuid        not null,
    vote_type     text        not null check (vote_type in ('up', 'down')),
    counted       boolean     not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    unique (experience_id, agent_id)
);

-- Which agents acquired which experience, and when they first did: an outcome report's acquired_before.
create table acquisition (
    experience_id uuid        not null references experience (id),
    agent_id      uuid        not null,
    acquired_at   timestamptz not null,
    primary key (experience_id, agent_id)
);
