package io.plurum.platform.outbox;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;

import org.jboss.logging.Logger;

import io.plurum.platform.events.Topic;
import io.plurum.platform.kafka.KafkaSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/** The relay's producer: idempotent, acks from all replicas, and quick to give up while Kafka is away. */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(KafkaEventPublisher.class);

    private final KafkaSettings settings;
    private volatile KafkaProducer<String, String> producer;

    public KafkaEventPublisher(KafkaSettings settings) {
        this.settings = settings;
    }

    @Override
    public CompletableFuture<Void> send(PendingEvent event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        producer().send(new ProducerRecord<>(event.topic(), event.key(), event.payload()), (metadata, error) -> {
            if (error == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(error);
            }
        });
        return ack;
    }

    @Override
    public void warmUp(Collection<String> topics) {
        try {
            topics.forEach(producer()::partitionsFor);
        } catch (KafkaException e) {
            LOG.debugf("outbox: producer warm-up failed (%s); the first event will connect", e.getMessage());
        }
    }

    /** Errors that no retry can fix: the row must be set aside, not retried forever. */
    static boolean isPermanent(Throwable error) {
        return error instanceof RecordTooLargeException || error instanceof InvalidTopicException
                || error instanceof SerializationException;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = settings.common("outbox-relay");
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
                    config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
                    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
                    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
                    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000);
                    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topic.MAX_MESSAGE_BYTES);
                    producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(2));
        }
    }
}
