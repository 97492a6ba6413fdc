package io.plurum.pulse.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.plurum.platform.events.Topics;
import io.plurum.platform.kafka.KafkaSettings;
import io.plurum.platform.kafka.TopicInitializer;
import io.plurum.pulse.service.Notification;
import io.plurum.pulse.service.RoutingService;
import io.plurum.pulse.ws.Clients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The per-replica broadcast: every replica reads every session and contribution event and pushes it to the
 * recipients connected here. Routing is the same as the inbox's, so a push and an inbox row agree.
 *
 * <p>It reads the topics as a broadcast should, without a consumer group: all partitions assigned, starting at the
 * end (a push is news; what happened before a replica started is in the inboxes). Without a group there is no
 * rebalance to pause delivery when replicas come and go, and no group left behind by each replica that ever ran.
 */
@ApplicationScoped
public class PushFeed {

    private static final Logger LOG = Logger.getLogger(PushFeed.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> TOPICS = List.of(Topics.SESSIONS.name(), Topics.CONTRIBUTIONS.name());

    private final KafkaSettings settings;
    private final TopicInitializer topics;
    private final RoutingService routing;
    private final Clients clients;
    private final Timer fanOut;
    private volatile boolean ready;
    private volatile boolean stopped;

    public PushFeed(KafkaSettings settings, TopicInitializer topics, RoutingService routing, Clients clients,
                    MeterRegistry metrics) {
        this.settings = settings;
        this.topics = topics;
        this.routing = routing;
        this.clients = clients;
        this.fanOut = Timer.builder("pulse.push.fanout").description("Routing an event and queueing its pushes")
                .publishPercentiles(0.5, 0.99).register(metrics);
    }

    void start(@Observes StartupEvent event) {
        Thread.ofPlatform().daemon().name("plurum-pulse-push").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
    }

    /** True once the feed follows the end of both topics: every event from now on is pushed. */
    public boolean isReady() {
        return ready;
    }

    private void run() {
        Map<String, Object> config = settings.common("pulse-push-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = topics.partitionsOf(consumer, TOPICS, () -> stopped);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready = true;
            while (!stopped) {
                for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                    push(record);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (!stopped) {
                LOG.error("push feed stopped", e);
            }
        }
    }

    private void push(ConsumerRecord<String, String> record) {
        if (clients.isEmpty()) {
            return;
        }
        try {
            Optional<PulseEvent> event = IncomingEvents.pulseEvent(IncomingEvents.envelope(record.value()));
            if (event.isPresent()) {
                long started = System.nanoTime();
                Notification notification = routing.route(event.get()).await().atMost(ROUTING_TIMEOUT);
                clients.deliver(notification);
                fanOut.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        } catch (UnreadableEvent e) {
            LOG.debugf("not pushing unreadable %s-%d@%d", record.topic(), record.partition(), record.offset());
        } catch (RuntimeException e) {
            LOG.warnf("not pushing %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }
}
