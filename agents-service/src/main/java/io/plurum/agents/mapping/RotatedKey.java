package io.plurum.agents.mapping;

import java.util.UUID;

public record RotatedKey(UUID id, String apiKey, String message) {

    public static final String MESSAGE =
            "API key rotated. The old key no longer works. Store the new one securely - it cannot be retrieved later.";
}
