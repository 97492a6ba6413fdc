package io.plurum.sessions.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Search results passed through as search-service shaped them. */
record MatchResponse(List<JsonNode> matchingExperiences, List<JsonNode> activeSessions) {
}
