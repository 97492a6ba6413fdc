package io.plurum.agents.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "agent_stats")
public class AgentStats {

    @Id
    @Column(name = "agent_id")
    public UUID agentId;

    public long sessions;

    public long experiences;

    @Column(name = "outcomes_reported")
    public long outcomesReported;

    public long contributions;
}
