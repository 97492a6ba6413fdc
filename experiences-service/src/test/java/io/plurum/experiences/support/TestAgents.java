package io.plurum.experiences.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Agents for this service's tests. agents-service does not run here, so each key reaches the service as a real one
 * does: as a credential event on the credentials topic.
 */
public final class TestAgents {

    private TestAgents() {
    }

    /** An agent whose key this service already accepts. */
    public record Agent(UUID id, String key) {

        /** A request as this agent, with a JSON body. */
        public RequestSpecification request() {
            return given().auth().oauth2(key).contentType(ContentType.JSON);
        }
    }

    public static Agent create() {
        String key = ApiKeys.generate();
        String hash = ApiKeys.hash(key);
        UUID id = UUID.randomUUID();
        TestKafka.send(EventEnvelope.of(EventType.CREDENTIAL_ISSUED, "agents-service", hash,
                Json.tree(Map.of("agent_id", id, "active", true))), hash);
        // a key the cache has not seen yet is answered 503 (agents-service is unreachable here), then 200
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
                given().auth().oauth2(key).get("/experiences?limit=1").statusCode() == 200);
        return new Agent(id, key);
    }
}
