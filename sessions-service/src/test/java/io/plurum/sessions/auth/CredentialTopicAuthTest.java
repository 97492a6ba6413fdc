package io.plurum.sessions.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Another service than agents-service learns keys only from the credentials topic: a key issued there is
 * accepted, and its tombstone makes it fail within a second. Agents-service is not running in this test, so
 * the fallback lookup cannot help: everything comes through Kafka.
 */
@QuarkusTest
@WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
class CredentialTopicAuthTest {

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                PlurumTestResource.kafkaBootstrap()), new StringSerializer(), new StringSerializer());
    }

    @BeforeEach
    void waitUntilTheCredentialsTopicIsFollowed() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void shouldAcceptAnIssuedKeyAndRefuseItWithinOneSecondOfRotation() throws Exception {
        String key = ApiKeys.generate();
        String hash = ApiKeys.hash(key);
        UUID agentId = UUID.randomUUID();
        EventEnvelope issued = EventEnvelope.of(EventType.CREDENTIAL_ISSUED, "agents-service", hash,
                Json.tree(Map.of("agent_id", agentId, "active", true)));
        producer.send(new ProducerRecord<>(Topics.CREDENTIALS.name(), hash, Json.write(issued))).get();

        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                given().auth().oauth2(key).get("/test/whoami").then().statusCode(200)
                        .body(org.hamcrest.Matchers.equalTo(agentId.toString())));

        producer.send(new ProducerRecord<>(Topics.CREDENTIALS.name(), hash, null)).get();
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                given().auth().oauth2(key).get("/test/whoami").then().statusCode(401)
                        .contentType("application/problem+json"));
    }

    @Test
    void shouldRefuseGarbageAndMissingKeys() {
        given().get("/test/whoami").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("plrm_live_abc123...").get("/test/whoami").then().statusCode(401);
    }

    @Test
    void shouldAnswer503WhenAnUnknownKeyCannotBeCheckedWithAgentsService() {
        given().auth().oauth2(ApiKeys.generate()).get("/test/whoami").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", "1");
    }
}
