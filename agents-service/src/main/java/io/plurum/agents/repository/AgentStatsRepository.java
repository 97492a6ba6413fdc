package io.plurum.agents.repository;

import java.util.UUID;

import io.plurum.agents.domain.AgentStats;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentStatsRepository implements PanacheRepositoryBase<AgentStats, UUID> {
}
