package io.plurum.platform.auth;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.config.PlurumConfig;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;
import io.plurum.platform.kafka.KafkaSettings;
import io.plurum.platform.kafka.TopicInitializer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Replays the compacted credentials topic into the {@link CredentialCache} and then follows it. It reads the
 * topic as a table (all partitions assigned, from the beginning, no consumer group), so every replica of every
 * service converges to the same cache. Ready once the replay reached the end offsets seen at start.
 */
@ApplicationScoped
public class CredentialFeed {

    private static final Logger LOG = Logger.getLogger(CredentialFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final CredentialCache cache;
    private final KafkaSettings settings;
    private final TopicInitializer topics;
    private final boolean enabled;
    private volatile boolean caughtUp;
    private volatile boolean stopped;

    public CredentialFeed(CredentialCache cache, KafkaSettings settings, TopicInitializer topics,
                          PlurumConfig config) {
        this.cache = cache;
        this.settings = settings;
        this.topics = topics;
        this.enabled = config.auth().credentialsFeed();
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            Thread.ofPlatform().daemon().name("plurum-credential-feed").start(this::run);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /** True once the replay reached the end offsets seen at start (always true when the feed is off). */
    public boolean isCaughtUp() {
        return !enabled || caughtUp;
    }


    /** Follows the topic for the life of the service; a failure (Kafka away, say) restarts the replay. */
    private void run() {
        while (!stopped) {
            try {
                follow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!stopped) {
                    LOG.warnf("credentials feed interrupted (%s); replaying again", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    private void follow() throws InterruptedException {
        Map<String, Object> config = settings.common("credential-feed-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = topics.partitionsOf(consumer, List.of(Topics.CREDENTIALS.name()),
                    () -> stopped);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> replayEnd = consumer.endOffsets(partitions);
            while (!stopped) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    apply(record);
                }
                if (!caughtUp && replayEnd.entrySet().stream()
                        .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp = true;
                    LOG.infof("credentials replayed: %d keys known", cache.size());
                }
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            cache.revoke(record.key());
            return;
        }
        try {
            JsonNode data = Json.mapper().readTree(record.value()).path("data");
            Credential credential = new Credential(UUID.fromString(data.path("agent_id").asText()),
                    data.path("active").asBoolean(false));
            if (credential.active()) {
                cache.put(record.key(), credential);
            } else {
                cache.revoke(record.key());
            }
        } catch (Exception e) {
            LOG.warnf("skipping unreadable credential record at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
        }
    }
}
