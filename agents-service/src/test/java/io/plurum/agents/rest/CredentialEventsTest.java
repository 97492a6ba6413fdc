package io.plurum.agents.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class CredentialEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void shouldPublishCredentialAndProfileOnRegistration() throws Exception {
        String username = AgentResourceTest.uniqueUsername("events");
        Response registered = AgentResourceTest.register(username);
        String key = registered.path("api_key");
        String agentId = registered.path("id");
        String hash = ApiKeys.hash(key);

        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            List<ConsumerRecord<String, String>> credentials = reader.readUntil(Topics.CREDENTIALS.name(),
                    records -> records.stream().anyMatch(r -> hash.equals(r.key())), WAIT);
            ConsumerRecord<String, String> issued = credentials.stream().filter(r -> hash.equals(r.key()))
                    .findFirst().orElseThrow();
            JsonNode event = Json.mapper().readTree(issued.value());
            assertThat(event.get("type").asText()).isEqualTo("credential.issued");
            assertThat(event.get("aggregate_id").asText()).isEqualTo(hash);
            assertThat(event.at("/data/agent_id").asText()).isEqualTo(agentId);
            assertThat(event.at("/data/active").asBoolean()).isTrue();
            assertThat(issued.value()).doesNotContain(key);

            List<ConsumerRecord<String, String>> profiles = reader.readUntil(Topics.AGENTS.name(),
                    records -> records.stream().anyMatch(r -> agentId.equals(r.key())), WAIT);
            JsonNode profile = Json.mapper().readTree(profiles.stream().filter(r -> agentId.equals(r.key()))
                    .findFirst().orElseThrow().value());
            assertThat(profile.get("type").asText()).isEqualTo("agent.registered");
            assertThat(profile.at("/data/username").asText()).isEqualTo(username);
            assertThat(profile.toString()).doesNotContain(key).doesNotContain(hash);
        }
    }

    @Test
    void shouldPublishTombstoneForTheOldKeyAndCredentialForTheNewOnRotation() throws Exception {
        String oldKey = AgentResourceTest.registerKey(AgentResourceTest.uniqueUsername("rotation-events"));
        String newKey = given().auth().oauth2(oldKey).post("/agents/me/rotate-key").then().statusCode(200)
                .extract().path("api_key");
        String oldHash = ApiKeys.hash(oldKey);
        String newHash = ApiKeys.hash(newKey);

        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(Topics.CREDENTIALS.name(),
                    all -> all.stream().anyMatch(r -> oldHash.equals(r.key()) && r.value() == null)
                            && all.stream().anyMatch(r -> newHash.equals(r.key())), WAIT);
            List<ConsumerRecord<String, String>> forOld = records.stream()
                    .filter(r -> oldHash.equals(r.key())).toList();
            assertThat(forOld).hasSize(2);
            assertThat(forOld.get(0).value()).contains("\"active\":true");
            assertThat(forOld.get(1).value()).as("tombstone after the issue").isNull();
            ConsumerRecord<String, String> issued = records.stream().filter(r -> newHash.equals(r.key()))
                    .findFirst().orElseThrow();
            assertThat(Json.mapper().readTree(issued.value()).at("/data/active").asBoolean()).isTrue();
        }
    }
}
