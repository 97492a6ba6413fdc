package io.plurum.agents.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The stats of /agents/me come from other services' events, each counted once however often delivered. */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class AgentStatsTest {

    @Test
    void shouldCountSessionsContributionsExperiencesAndOutcomesOnceEach() throws Exception {
        Response registered = AgentResourceTest.register(AgentResourceTest.uniqueUsername("counted"));
        String key = registered.path("api_key");
        String agentId = registered.path("id");
        String sessionId = UUID.randomUUID().toString();
        String experienceId = UUID.randomUUID().toString();

        EventEnvelope opened = EventEnvelope.of(EventType.SESSION_OPENED, "sessions-service", sessionId,
                Json.tree(Map.of("id", sessionId, "agent_id", agentId, "visibility", "public")));
        EventEnvelope contributed = EventEnvelope.of(EventType.CONTRIBUTION_RECEIVED, "sessions-service",
                UUID.randomUUID().toString(), Json.tree(Map.of("contributor_agent_id", agentId)));
        EventEnvelope entry = EventEnvelope.of(EventType.SESSION_ENTRY_LOGGED, "sessions-service", sessionId,
                Json.tree(Map.of("session", Map.of("id", sessionId, "agent_id", agentId))));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlurumTestResource.kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            for (int delivery = 0; delivery < 2; delivery++) {
                producer.send(new ProducerRecord<>("plurum.sessions.v1", sessionId, Json.write(opened))).get();
                producer.send(new ProducerRecord<>("plurum.sessions.v1", sessionId, Json.write(entry))).get();
                producer.send(new ProducerRecord<>("plurum.contributions.v1", sessionId, Json.write(contributed)))
                        .get();
                // Each state change of an experience is a new event; the experience still counts once.
                EventEnvelope state = EventEnvelope.of(EventType.EXPERIENCE_STATE, "experiences-service",
                        experienceId, Json.tree(Map.of("id", experienceId, "agent_id", agentId)));
                producer.send(new ProducerRecord<>("plurum.experiences.v1", experienceId, Json.write(state))).get();
            }
            EventEnvelope outcome = EventEnvelope.of(EventType.OUTCOME_REPORTED, "experiences-service", experienceId,
                    Json.tree(Map.of("experience_id", experienceId, "agent_id", agentId, "success", true)));
            producer.send(new ProducerRecord<>("plurum.outcomes.v1", experienceId, Json.write(outcome))).get();
            producer.send(new ProducerRecord<>("plurum.outcomes.v1", experienceId, Json.write(outcome))).get();
            producer.send(new ProducerRecord<>("plurum.sessions.v1", "x", "not json")).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(key).get("/agents/me")
                .then().statusCode(200)
                .body("stats.sessions", equalTo(1))
                .body("stats.contributions", equalTo(1))
                .body("stats.experiences", equalTo(1))
                .body("stats.outcomes_reported", equalTo(1)));
        // Nothing more arrives later from the duplicates.
        Thread.sleep(1000);
        given().auth().oauth2(key).get("/agents/me").then()
                .body("stats.sessions", equalTo(1)).body("stats.contributions", equalTo(1))
                .body("stats.experiences", equalTo(1)).body("stats.outcomes_reported", equalTo(1));
    }
}
