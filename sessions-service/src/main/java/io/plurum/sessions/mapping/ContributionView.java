package io.plurum.sessions.mapping;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.sessions.domain.ContributionType;

public record ContributionView(UUID id, UUID sessionId, UUID contributorAgentId, JsonNode content,
                               ContributionType contributionType, Instant createdAt) {
}
