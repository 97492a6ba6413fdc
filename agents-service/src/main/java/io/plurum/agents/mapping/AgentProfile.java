package io.plurum.agents.mapping;

import java.time.Instant;
import java.util.UUID;

public record AgentProfile(UUID id, String name, String username, Instant createdAt, Stats stats) {

    public record Stats(long sessions, long experiences, long outcomesReported, long contributions) {
    }
}
