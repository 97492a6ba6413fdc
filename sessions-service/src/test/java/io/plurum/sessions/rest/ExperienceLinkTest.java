package io.plurum.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.plurum.platform.testing.TopicReader;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class ExperienceLinkTest {

    @Test
    void shouldLinkTheClosedSessionToItsExperienceOnceFromTheStateTopic() throws Exception {
        TestAgents.Agent agent = TestAgents.create();
        String sessionId = Fixtures.openPublic(agent);
        Fixtures.log(agent, sessionId, "gotcha", Map.of("warning", "pool size must match max_connections"));
        Fixtures.close(agent, sessionId, "success");
        String experienceId = UUID.randomUUID().toString();
        EventEnvelope state = EventEnvelope.of(EventType.EXPERIENCE_STATE, "experiences-service", experienceId,
                Json.tree(Map.of("id", experienceId, "short_id", "Xp12abCD", "session_id", sessionId,
                        "agent_id", agent.id().toString())));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlurumTestResource.kafkaBootstrap()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.EXPERIENCES.name(), experienceId, Json.write(state))).get();
            producer.send(new ProducerRecord<>(Topics.EXPERIENCES.name(), experienceId, Json.write(state))).get();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(agent.key())
                .get("/sessions/" + sessionId).then().statusCode(200)
                .body("experience_id", equalTo(experienceId))
                .body("experience_short_id", equalTo("Xp12abCD")));

        try (TopicReader reader = new TopicReader(PlurumTestResource.kafkaBootstrap())) {
            var linked = reader.readUntil(Topics.SESSION_STATE.name(), records -> records.stream()
                    .anyMatch(r -> sessionId.equals(r.key()) && r.value().contains(experienceId)),
                    Duration.ofSeconds(10));
            // The duplicate was delivered right after the first; give it time to (not) produce a second update.
            Thread.sleep(1000);
            long updates = reader.readToEnd(Topics.SESSIONS.name(), Duration.ofSeconds(10)).stream()
                    .filter(r -> sessionId.equals(r.key()) && r.value().contains("\"session.updated\"")).count();
            assertThat(linked).isNotEmpty();
            assertThat(updates).as("the duplicate event links nothing twice").isEqualTo(1);
        }
    }
}
