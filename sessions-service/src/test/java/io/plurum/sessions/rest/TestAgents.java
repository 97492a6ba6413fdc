package io.plurum.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Agents for this service's tests. agents-service does not run here, so each key reaches the service as a real one
 * does: as a credential event on the credentials topic.
 */
public final class TestAgents {

    private static KafkaProducer<String, String> producer;

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
        EventEnvelope issued = EventEnvelope.of(EventType.CREDENTIAL_ISSUED, "agents-service", hash,
                Json.tree(Map.of("agent_id", id, "active", true)));
        try {
            producer().send(new ProducerRecord<>(Topics.CREDENTIALS.name(), hash, Json.write(issued))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the credential event was not written", e);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() ->
                given().auth().oauth2(key).get("/sessions?limit=1").statusCode() == 200);
        return new Agent(id, key);
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    PlurumTestResource.kafkaBootstrap()), new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-agents-producer-close"));
        }
        return producer;
    }
}
