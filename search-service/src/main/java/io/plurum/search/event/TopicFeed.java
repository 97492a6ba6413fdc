package io.plurum.search.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

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
import io.plurum.search.config.SearchConfig;
import io.plurum.search.index.SearchIndex;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Feeds the index from {@code plurum.experiences.v1} and {@code plurum.session-state.v1}, read as tables: every
 * partition assigned, from the beginning, no consumer group and no committed offsets, so each replica converges on
 * its own to the same index. Caught up once the replay reached the end offsets seen at start; from then on a batch
 * that adds, replaces or removes documents is made searchable at once (near-real-time refresh, tens of
 * milliseconds). Counter updates alone are made searchable at most every {@code plurum.search.counter-refresh}: each
 * refresh rewrites the updated doc-values fields of whole segments, and outcomes and votes come all the time.
 *
 * <p>One thread reads and maps the records in order; one writer thread per core applies them to the index, each key
 * always on the same writer so that its writes keep their order. A batch is written completely before the next is
 * read. With vectors carried by the events, writing is nearly all of a replay's work.
 */
@ApplicationScoped
public class TopicFeed {

    private static final Logger LOG = Logger.getLogger(TopicFeed.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final long COMMIT_NANOS = Duration.ofSeconds(30).toNanos();

    private final SearchIndex index;
    private final EmbeddingModel model;
    private final KafkaSettings settings;
    private final TopicInitializer topics;
    private final long counterRefreshNanos;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean caughtUp;
    private volatile boolean stopped;
    private Thread thread;

    public TopicFeed(SearchIndex index, EmbeddingModel model, KafkaSettings settings, TopicInitializer topics,
                     SearchConfig config) {
        this.index = index;
        this.model = model;
        this.settings = settings;
        this.topics = topics;
        this.counterRefreshNanos = config.counterRefresh().toNanos();
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
        return applied.get();
    }

    public long failed() {
        return failed.get();
    }

    private void run() {
        Map<String, Object> config = settings.common("search-feed-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        List<ExecutorService> writers = new ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            writers.add(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("plurum-search-writer-" + i)
                    .daemon().factory()));
        }
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = topics.partitionsOf(consumer,
                    List.of(Topics.EXPERIENCES.name(), Topics.SESSION_STATE.name()), () -> stopped);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> replayEnd = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            IndexUpdater updater = new IndexUpdater(index, model);
            updater.startReplay();
            follow(consumer, updater, writers, replayEnd, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!stopped) {
                LOG.error("search feed stopped; the index no longer follows the topics", e);
            }
        } finally {
            writers.forEach(ExecutorService::shutdownNow);
            commitQuietly();
        }
    }

    private void follow(KafkaConsumer<String, String> consumer, IndexUpdater updater, List<ExecutorService> writers,
                        Map<TopicPartition, Long> replayEnd, long started) throws Exception {
        long lastCommit = System.nanoTime();
        long lastRefresh = lastCommit;
        boolean dirty = false;
        boolean countersPending = false;
        while (!stopped) {
            ConsumerRecords<String, String> records = consumer.poll(POLL);
            IndexWrite.Change change = write(updater, records, writers);
            dirty |= change != IndexWrite.Change.NOTHING;
            countersPending |= change == IndexWrite.Change.COUNTERS;
            long now = System.nanoTime();
            if (!caughtUp && replayEnd.entrySet().stream()
                    .allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                int removed = updater.finishReplay();
                index.refresh();
                index.commit();
                lastRefresh = now;
                countersPending = false;
                caughtUp = true;
                LOG.infof("search index replayed in %d ms: %d documents, %d records applied, %d embedded, %d stale "
                                + "removed, model %s", (now - started) / 1_000_000, index.size(),
                        applied.get(), updater.embedded(), removed, model.id());
                continue;
            }
            // No refresh while replaying: nobody searches yet, and each refresh would cut a small segment that
            // merges (HNSW graphs included) would have to rebuild. Counters left pending are refreshed by a later
            // poll, with or without records.
            if (caughtUp && (change == IndexWrite.Change.CONTENT
                    || countersPending && now - lastRefresh >= counterRefreshNanos)) {
                index.refresh();
                lastRefresh = now;
                countersPending = false;
            }
            if (dirty && caughtUp && now - lastCommit > COMMIT_NANOS) {
                index.commit();
                lastCommit = now;
                dirty = false;
            }
        }
    }

    /**
     * Applies a batch and returns once all of it is written. A record that cannot be applied is logged and skipped:
     * one bad event must not stop search for everyone. The updater forgets the keys whose writes failed, so that
     * their next records are indexed whole. Returns the largest change the batch made.
     */
    private IndexWrite.Change write(IndexUpdater updater, ConsumerRecords<String, String> records,
                                    List<ExecutorService> writers) throws InterruptedException {
        List<Future<?>> writes = new ArrayList<>(records.count());
        Queue<String> failedKeys = new ConcurrentLinkedQueue<>();
        IndexWrite.Change change = IndexWrite.Change.NOTHING;
        for (ConsumerRecord<String, String> record : records) {
            try {
                IndexWrite write = record.topic().equals(Topics.EXPERIENCES.name())
                        ? updater.experience(record.key(), record.value())
                        : updater.session(record.key(), record.value());
                change = write.change().compareTo(change) > 0 ? write.change() : change;
                ExecutorService writer = writers.get(Math.floorMod(Objects.hashCode(record.key()), writers.size()));
                writes.add(writer.submit(() -> {
                    try {
                        write.applyTo(index);
                        applied.incrementAndGet();
                    } catch (Exception e) {
                        skip(record, e);
                        failedKeys.add(record.key());
                    }
                }));
            } catch (Exception e) {
                skip(record, e);
            }
        }
        for (Future<?> write : writes) {
            try {
                write.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("index writer failed", e.getCause());
            }
        }
        failedKeys.forEach(updater::forget);
        return change;
    }

    private void skip(ConsumerRecord<String, String> record, Exception e) {
        failed.incrementAndGet();
        LOG.warnf("skipping record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                e.toString());
    }

    private void commitQuietly() {
        try {
            index.commit();
        } catch (Exception e) {
            LOG.debug("index not committed at shutdown", e);
        }
    }
}
