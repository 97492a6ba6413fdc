package io.plurum.sessions.client;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** What search matched to a new session; {@code degraded} when search did not answer and the lists are empty. */
public record Matches(List<JsonNode> experiences, List<JsonNode> activeSessions, boolean degraded) {

    static final Matches DEGRADED = new Matches(List.of(), List.of(), true);

    static Matches of(MatchResponse response) {
        return new Matches(orEmpty(response.matchingExperiences()), orEmpty(response.activeSessions()), false);
    }

    private static List<JsonNode> orEmpty(List<JsonNode> list) {
        return list == null ? List.of() : list;
    }
}
