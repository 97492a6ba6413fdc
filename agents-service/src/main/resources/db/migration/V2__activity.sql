-- Experiences an agent authored, one row each however many state events an experience goes through.
create table agent_experience (
    experience_id uuid primary key,
    agent_id      uuid not null
);
create index agent_experience_agent on agent_experience (agent_id);
