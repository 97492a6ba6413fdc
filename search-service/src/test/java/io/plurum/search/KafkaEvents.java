package io.plurum.search;

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
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;

/** Publishes to the test broker what experiences-, sessions- and agents-service would. */
public final class KafkaEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlurumTestResource.kafkaBootstrap()),
            new StringSerializer(), new StringSerializer());

    public void experience(ExperienceState state) {
        String id = state.id().toString();
        send(Topics.EXPERIENCES.name(), id, Json.write(EventEnvelope.of(EventType.EXPERIENCE_STATE,
                "experiences-service", id, Json.tree(state))));
    }

    public void tombstone(UUID experienceId) {
        send(Topics.EXPERIENCES.name(), experienceId.toString(), null);
    }

    public void sessionState(UUID sessionId, Map<String, Object> header) {
        send(Topics.SESSION_STATE.name(), sessionId.toString(), Json.write(EventEnvelope.of(EventType.SESSION_STATE,
                "sessions-service", sessionId.toString(), Json.tree(header))));
    }

    /** Issues a key for the agent, as agents-service does on registration; returns the key. */
    public String credential(UUID agentId) {
        String key = ApiKeys.generate();
        String hash = ApiKeys.hash(key);
        send(Topics.CREDENTIALS.name(), hash, Json.write(EventEnvelope.of(EventType.CREDENTIAL_ISSUED,
                "agents-service", hash, Json.tree(Map.of("agent_id", agentId, "active", true)))));
        return key;
    }

    private void send(String topic, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
