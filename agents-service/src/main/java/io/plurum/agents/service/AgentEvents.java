package io.plurum.agents.service;

import java.util.Map;

import io.plurum.agents.domain.Agent;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;

/** The events agents-service writes, built in one place. */
final class AgentEvents {

    static final String PRODUCER = "agents-service";

    private AgentEvents() {
    }

    static EventEnvelope credentialIssued(String keyHash, Agent agent) {
        return EventEnvelope.of(EventType.CREDENTIAL_ISSUED, PRODUCER, keyHash,
                Json.tree(Map.of("agent_id", agent.id, "active", true)));
    }

    static EventEnvelope agentRegistered(Agent agent) {
        return EventEnvelope.of(EventType.AGENT_REGISTERED, PRODUCER, agent.id.toString(),
                Json.tree(Map.of("id", agent.id, "name", agent.name, "username", agent.username,
                        "created_at", agent.createdAt.toString())));
    }
}
