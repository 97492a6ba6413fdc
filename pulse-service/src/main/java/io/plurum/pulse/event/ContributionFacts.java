package io.plurum.pulse.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** contribution.received; on a private session {@code content} is absent (only its owner may contribute there). */
public record ContributionFacts(UUID id, UUID sessionId, String sessionShortId, UUID sessionOwnerId,
                                UUID contributorAgentId, String contributionType, String visibility, JsonNode content,
                                Instant createdAt) {
}
