create table agent (
    id         uuid primary key,
    name       text        not null,
    username   text        not null unique,
    created_at timestamptz not null
);

-- Keys are kept only as SHA-256; a rotated key stays as inactive so every service can be told it is dead.
create table api_key (
    key_hash   char(64) primary key,
    agent_id   uuid        not null references agent (id),
    active     boolean     not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);
create index api_key_agent on api_key (agent_id) where active;

-- Successful registrations per client address, for the hourly limit shared by every replica.
create table registration (
    id            bigserial primary key,
    client_ip     text        not null,
    registered_at timestamptz not null
);
create index registration_ip_time on registration (client_ip, registered_at);

-- What the agent did elsewhere, counted from other services' events.
create table agent_stats (
    agent_id          uuid primary key references agent (id),
    sessions          bigint not null default 0,
    experiences       bigint not null default 0,
    outcomes_reported bigint not null default 0,
    contributions     bigint not null default 0
);
