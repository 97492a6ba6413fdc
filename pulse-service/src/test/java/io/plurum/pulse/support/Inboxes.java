package io.plurum.pulse.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.json.Json;

/** Reading an agent's inbox through the API. */
public final class Inboxes {

    private Inboxes() {
    }

    /** Every event in the agent's inbox, read or not, newest first. */
    public static List<JsonNode> all(TestAgents.Agent agent) {
        String body = agent.request().get("/pulse/inbox?unread_only=false&limit=100").then().statusCode(200)
                .extract().asString();
        try {
            List<JsonNode> events = new ArrayList<>();
            Json.mapper().readTree(body).path("events").forEach(events::add);
            return events;
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until the agent's inbox holds {@code count} events, and returns them. */
    public static List<JsonNode> awaitEvents(TestAgents.Agent agent, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> all(agent).size() >= count);
        return all(agent);
    }
}
