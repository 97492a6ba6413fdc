package io.plurum.agents.repository;

import java.util.UUID;

import io.plurum.agents.domain.Agent;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

    public Uni<Boolean> usernameTaken(String username) {
        return count("username", username).map(count -> count > 0);
    }
}
