package io.plurum.search.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What sessions-service sends when a session opens (its client's {@code MatchRequest}). */
public record MatchRequest(@NotBlank @Size(max = 2000) String topic,
                           @Size(max = 100) String domain,
                           @Size(max = 50) List<@Size(max = 100) String> toolsUsed,
                           @NotNull UUID agentId) {
}
