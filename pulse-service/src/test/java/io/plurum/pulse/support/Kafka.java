package io.plurum.pulse.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.Topic;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;

/** Writes records to the shared test broker, as the producing services would. */
public final class Kafka {

    private static KafkaProducer<String, String> producer;

    private Kafka() {
    }

    public static void publish(EventEnvelope event) {
        send(event.eventType().topic(), event.aggregateId(), Json.write(event));
    }

    /** A raw record: a tombstone when {@code value} is null, or garbage for dead-letter tests. */
    public static void send(Topic topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the record was not written to " + topic.name(), e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    PlurumTestResource.kafkaBootstrap()), new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "pulse-test-producer-close"));
        }
        return producer;
    }
}
