package io.plurum.bench.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;

/**
 * The committed relevance set: experiences in the skill's format ({@code search/experiences.jsonl}, one per line,
 * each with a {@code key}) and queries written the way another agent would describe the same problem
 * ({@code search/queries.jsonl}, each with the keys of its correct answers).
 */
record Dataset(Map<String, ExperienceState> experiences, List<Query> queries) {

    record Query(String query, Set<String> answers) {
    }

    static Dataset load() throws IOException {
        Map<String, ExperienceState> experiences = new LinkedHashMap<>();
        for (JsonNode line : lines("search/experiences.jsonl")) {
            String key = line.path("key").asText();
            UUID id = UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
            var state = (com.fasterxml.jackson.databind.node.ObjectNode) line.deepCopy();
            state.put("id", id.toString());
            state.put("short_id", id.toString().replace("-", "").substring(0, 8));
            state.put("agent_id", UUID.nameUUIDFromBytes(("agent-" + key.hashCode() % 40).getBytes()).toString());
            state.put("status", "published");
            state.put("visibility", "public");
            state.put("quality_score", 0.5);
            state.put("created_at", Instant.parse("2026-11-01T00:00:00Z").toString());
            if (experiences.put(key, Json.convert(state, ExperienceState.class)) != null) {
                throw new IllegalStateException("duplicate experience key " + key);
            }
        }
        List<Query> queries = new ArrayList<>();
        for (JsonNode line : lines("search/queries.jsonl")) {
            Set<String> answers = new java.util.LinkedHashSet<>();
            line.path("answers").forEach(a -> answers.add(a.asText()));
            for (String answer : answers) {
                if (!experiences.containsKey(answer)) {
                    throw new IllegalStateException("query answer " + answer + " is not an experience");
                }
            }
            queries.add(new Query(line.path("query").asText(), answers));
        }
        return new Dataset(experiences, queries);
    }

    String keyOf(UUID id) {
        return experiences.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    private static List<JsonNode> lines(String resource) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        try (InputStream in = Dataset.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    nodes.add(Json.mapper().readTree(line));
                }
            }
        }
        return nodes;
    }
}
