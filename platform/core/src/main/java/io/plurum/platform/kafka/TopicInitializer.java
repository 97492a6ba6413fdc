package io.plurum.platform.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.plurum.platform.config.PlurumConfig;
import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Creates the registry's topics (and their dead-letter topics) with their cleanup policies before anything
 * publishes, so that a compacted topic is never auto-created with the broker's defaults. Retries in the
 * background while Kafka is away.
 */
@ApplicationScoped
public class TopicInitializer {

    private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

    private final KafkaSettings settings;
    private final PlurumConfig config;
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean stopped;

    public TopicInitializer(KafkaSettings settings, PlurumConfig config) {
        this.settings = settings;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        Thread.ofVirtual().name("plurum-topic-init").start(this::createUntilDone);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /** Blocks until the topics exist, at most {@code timeout}; false when they still do not. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    /**
     * Every partition of {@code topics}, once they exist, for a consumer that assigns them itself. A topic created
     * a moment ago may be missing from the broker's metadata for a while: an empty answer means "ask again", or
     * the consumer would never follow that topic. Empty only when {@code stopped} turned true while waiting.
     */
    public List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, List<String> topics, BooleanSupplier stopped)
            throws InterruptedException {
        while (!stopped.getAsBoolean() && !awaitReady(Duration.ofSeconds(1))) {
            LOG.debugf("waiting for Kafka topics before following %s", topics);
        }
        return partitionsInMetadata(consumer, topics, stopped);
    }

    static List<TopicPartition> partitionsInMetadata(Consumer<?, ?> consumer, List<String> topics,
                                                     BooleanSupplier stopped) throws InterruptedException {
        while (!stopped.getAsBoolean()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic)
                        .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
            if (topics.stream().allMatch(topic -> partitions.stream().anyMatch(p -> p.topic().equals(topic)))) {
                return partitions;
            }
            LOG.debugf("a topic of %s has no partitions in the metadata yet; asking again", topics);
            Thread.sleep(200);
        }
        return List.of();
    }

    private void createUntilDone() {
        var adminConfig = settings.common("admin");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        while (!stopped) {
            // A fresh client per attempt: one whose network thread died with the broker never recovers.
            try (Admin admin = Admin.create(adminConfig)) {
                createMissing(admin);
                ready.countDown();
                return;
            } catch (Exception e) {
                LOG.warnf("Kafka topics not created yet (%s); retrying", e.getMessage());
            }
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void createMissing(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topic topic : Topics.ALL) {
            if (!existing.contains(topic.name())) {
                missing.add(newTopic(topic.name()).configs(topic.config()));
            }
            if (!existing.contains(topic.deadLetter())) {
                missing.add(newTopic(topic.deadLetter()));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        admin.createTopics(missing).values().forEach((name, future) -> {
            try {
                future.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            }
        });
    }

    private NewTopic newTopic(String name) {
        return new NewTopic(name, config.kafka().partitions(), config.kafka().replicationFactor());
    }
}
