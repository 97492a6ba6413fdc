package io.plurum.agents.service;

import java.util.Optional;

import io.plurum.platform.auth.Credential;
import io.plurum.platform.auth.CredentialLookup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Agents-service owns the keys, so its own cache misses are answered from its database, not over HTTP. */
@ApplicationScoped
public class DatabaseCredentialLookup implements CredentialLookup {

    private final AgentService agents;

    public DatabaseCredentialLookup(AgentService agents) {
        this.agents = agents;
    }

    @Override
    public Uni<Optional<Credential>> lookup(String keyHash) {
        return agents.credential(keyHash)
                .map(key -> Optional.ofNullable(key).map(found -> new Credential(found.agentId, found.active)));
    }
}
