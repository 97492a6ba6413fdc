package io.plurum.search.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.events.Topics;
import io.plurum.platform.kafka.KafkaSettings;
import io.plurum.platform.kafka.TopicInitializer;
import io.plurum.search.index.SearchIndex;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Feeds the index from {@code plurum.experiences.v1} and {@code plurum.session-state.v1}, read as tables: every
 * partition assigned, from the beginning, no consumer group and no committed offsets, so each replica converges on
 * its own to the same index. Caught up once the replay reached the end offsets seen at start; from then on every
 * batch is made searchable at once (near-real-time refresh, tens of milliseconds).
 */
@ApplicationScoped
public class TopicFeed {

    private static final Logger LOG = Logger.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long REPLAY_REFRESH_NANOS = Duration.ofSeconds(2).toNanos();
    private static final long COMMIT_NANOS = Duration.ofSeconds(30).toNanos();

    private final SearchIndex index;
    private final EmbeddingModel model;
    private final KafkaSettings settings;
    private final TopicInitializer topics;
    private volatile boolean caughtUp;
    private volatile boolean stopped;
    private volatile long applied;
    private volatile long failed;
    private Thread thread;

    public TopicFeed(SearchIndex index, EmbeddingModel model, KafkaSettings settings, TopicInitializer topics) {
        this.index = index;
        this.model = model;
        this.settings = settings;
        this.topics = topics;
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("plurum-search-feed").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopped = true;
        if (thread != null) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    public boolean isCaughtUp() {
        return caughtUp;
    }

    public long applied() {
        return applied;
    }

    public long failed() {
        return failed;
    }

    private void run() {
        Map<String, Object> config = settings.common("search-feed-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        IndexUpdater updater = new IndexUpdater(index, model);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            while (!stopped && !topics.awaitReady(Duration.ofSeconds(1))) {
                LOG.debug("waiting for Kafka topics before replaying");
            }
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.EXPERIENCES.name(), Topics.SESSION_STATE.name())) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> replayEnd = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            updater.startReplay();
            follow(consumer, updater, replayEnd, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopped) {
                LOG.error("search feed stopped; the index no longer follows the topics", e);
            }
        } finally {
            commitQuietly();
        }
    }

    private void follow(KafkaConsumer<String, String> consumer, IndexUpdater updater,
                        Map<TopicPartition, Long> replayEnd, long started) throws Exception {
        long lastRefresh = System.nanoTime();
        long lastCommit = System.nanoTime();
        boolean dirty = false;
        while (!stopped) {
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            for (ConsumerRecord<String, String> record : records) {
                apply(updater, record);
            }
            dirty |= !records.isEmpty();
            if (!caughtUp && replayEnd.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                int removed = updater.finishReplay();
                index.refresh();
                index.commit();
                caughtUp = true;
                LOG.infof("search index replayed in %d ms: %d documents, %d records applied, %d embedded, %d stale "
                                + "removed, model %s", (System.nanoTime() - started) / 1_000_000, index.size(),
                        applied, updater.embedded(), removed, model.id());
                continue;
            }
            long now = System.nanoTime();
            if (!records.isEmpty() && (caughtUp || now - lastRefresh > REPLAY_REFRESH_NANOS)) {
                index.refresh();
                lastRefresh = now;
            }
            if (dirty && caughtUp && now - lastCommit > COMMIT_NANOS) {
                index.commit();
                lastCommit = now;
                dirty = false;
            }
        }
    }

    /** A record that cannot be applied is logged and skipped: one bad event must not stop search for everyone. */
    private void apply(IndexUpdater updater, ConsumerRecord<String, String> record) {
        try {
            if (record.topic().equals(Topics.EXPERIENCES.name())) {
                updater.applyExperience(record.key(), record.value());
            } else {
                updater.applySession(record.key(), record.value());
            }
            applied++;
        } catch (Exception e) {
            failed++;
            LOG.warnf("skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.toString());
        }
    }

    private void commitQuietly() {
        try {
            index.commit();
        } catch (Exception e) {
            LOG.debug("index not committed at shutdown", e);
        }
    }
}
