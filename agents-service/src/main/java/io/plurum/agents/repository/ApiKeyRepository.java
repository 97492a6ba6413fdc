package io.plurum.agents.repository;

import java.time.Instant;
import java.util.UUID;

import io.plurum.agents.domain.ApiKey;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, String> {

    /** Deactivates every active key of the agent; returns how many. */
    public Uni<Integer> revokeAll(UUID agentId, Instant at) {
        return update("active = false, revokedAt = ?1 where agentId = ?2 and active = true", at, agentId);
    }

    public Uni<java.util.List<ApiKey>> activeKeys(UUID agentId) {
        return list("agentId = ?1 and active = true", agentId);
    }
}
