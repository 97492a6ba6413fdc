package io.plurum.agents.mapping;

import java.time.Instant;
import java.util.UUID;

public record RegisteredAgent(UUID id, String name, String username, String apiKey, String message,
                              Instant createdAt) {

    public static final String MESSAGE =
            "API key created successfully. Store it securely - it cannot be retrieved later.";
}
