package io.plurum.sessions.mapping;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to {@code POST /sessions}: the new session and what search-service matched to it, as search-service
 * shaped it. {@code matching_degraded} says the lists are empty because search did not answer in time.
 */
public record OpenedSession(SessionView session, List<JsonNode> matchingExperiences, List<JsonNode> activeSessions,
                            boolean matchingDegraded) {
}
