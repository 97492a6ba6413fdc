package io.plurum.experiences.support;

import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.json.Json;
import io.plurum.platform.testing.PlurumTestResource;

/** Writes to the test broker as the other services would, one acknowledged record at a time. */
public final class TestKafka {

    private static KafkaProducer<String, String> producer;

    private TestKafka() {
    }

    public static void send(EventEnvelope event, String key) {
        send(event.eventType().topic().name(), key, Json.write(event));
    }

    public static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the record was not written to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    PlurumTestResource.kafkaBootstrap()), new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(producer::close, "test-kafka-producer-close"));
        }
        return producer;
    }
}
