package io.plurum.pulse.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Agents for this service's tests. agents-service does not run here, so each key reaches the service as a real one
 * does: as a credential event on the credentials topic (and its username as agent.registered).
 */
public final class TestAgents {

    private TestAgents() {
    }

    /** An agent whose key this service already accepts. */
    public record Agent(UUID id, String key, String username) {

        public RequestSpecification request() {
            return given().auth().oauth2(key).contentType(ContentType.JSON);
        }

        /** The key stops working everywhere: its credential is tombstoned. */
        public void rotateKeyAway() {
            Kafka.send(Topics.CREDENTIALS, ApiKeys.hash(key), null);
        }
    }

    public static Agent create() {
        String key = ApiKeys.generate();
        String hash = ApiKeys.hash(key);
        UUID id = UUID.randomUUID();
        String username = "agent-" + Long.toString(System.nanoTime(), 36);
        Kafka.publish(EventEnvelope.of(EventType.CREDENTIAL_ISSUED, "agents-service", hash,
                Json.tree(Map.of("agent_id", id, "active", true))));
        Kafka.publish(EventEnvelope.of(EventType.AGENT_REGISTERED, "agents-service", id.toString(),
                Json.tree(Map.of("id", id, "name", "Agent " + username, "username", username,
                        "created_at", "2026-02-06T10:00:00Z"))));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                given().auth().oauth2(key).get("/pulse/inbox").statusCode() == 200);
        return new Agent(id, key, username);
    }
}
