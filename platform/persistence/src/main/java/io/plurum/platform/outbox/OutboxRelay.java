package io.plurum.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;
import io.plurum.platform.kafka.TopicInitializer;
import io.plurum.platform.config.PlurumConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Moves outbox rows to Kafka, oldest first. One relay per database is active at a time (a transaction-scoped
 * advisory lock), so replicas of a service never publish the same rows out of order. While Kafka is away the
 * rows wait and the relay retries with a growing pause.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long ADVISORY_LOCK = 0x706c7572756dL; // "plurum"
    private static final int BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration AWAIT = Duration.ofSeconds(30);

    private final Pool pool;
    private final EventPublisher publisher;
    private final RelayBatch relay;
    private final TopicInitializer topics;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Counter parked;
    private final Duration pollInterval;
    private volatile boolean running = true;
    private volatile long pausedUntil;
    private volatile int consecutiveFailures;
    private boolean warm;

    public OutboxRelay(Pool pool, EventPublisher publisher, TopicInitializer topics, MeterRegistry registry,
                       PlurumConfig config) {
        this.pool = pool;
        this.pollInterval = config.outbox().pollInterval();
        this.publisher = publisher;
        this.relay = new RelayBatch(publisher, ACK_TIMEOUT, KafkaEventPublisher::isPermanent);
        this.topics = topics;
        registry.gauge("plurum.outbox.backlog", backlog);
        this.published = registry.counter("plurum.outbox.published");
        this.failures = registry.counter("plurum.outbox.failures");
        this.parked = registry.counter("plurum.outbox.parked");
    }

    void start(@Observes StartupEvent event) {
        // Quarkus' scheduler does not go below one second; events must reach other services well within one.
        Thread.ofPlatform().daemon().name("plurum-outbox-relay").start(() -> {
            while (running) {
                tick();
                try {
                    Thread.sleep(pollInterval);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
    }

    void tick() {
        if (!topics.isReady() || System.currentTimeMillis() < pausedUntil) {
            return;
        }
        if (!warm) {
            publisher.warmUp(Topics.ALL.stream().map(Topic::name).toList());
            warm = true;
        }
        try {
            while (relayOnce() == BATCH) {
                LOG.debug("outbox: full batch relayed, continuing");
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay cycle failed: %s", e.getMessage());
        }
    }

    /** Relays one batch; returns how many rows were marked sent. */
    int relayOnce() {
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(" + ADVISORY_LOCK + ")").execute()
                .chain(locked -> locked.iterator().next().getBoolean(0) ? relayLocked(connection)
                        : Uni.createFrom().item(0)))
                .await().atMost(AWAIT);
    }

    private Uni<Integer> relayLocked(SqlConnection connection) {
        return connection.preparedQuery("select id, topic, message_key, payload from outbox_event "
                        + "where sent_at is null and parked_at is null order by id limit $1").execute(Tuple.of(BATCH))
                .chain(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    for (Row row : rows) {
                        batch.add(new PendingEvent(row.getLong("id"), row.getString("topic"),
                                row.getString("message_key"), row.getString("payload")));
                    }
                    if (batch.isEmpty()) {
                        backlog.set(0);
                        return Uni.createFrom().item(0);
                    }
                    return Uni.createFrom().item(() -> relay.publish(batch))
                            .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                            .chain(result -> record(connection, result));
                })
                .call(() -> connection.query("select count(*) from outbox_event where sent_at is null and parked_at is null")
                        .execute()
                        .invoke(count -> backlog.set(count.iterator().next().getLong(0))));
    }

    private Uni<Integer> record(SqlConnection connection, RelayBatch.Result result) {
        Uni<Void> markSent = result.sent().isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("update outbox_event set sent_at = now() where id = any($1)")
                        .execute(Tuple.of(result.sent().toArray(Long[]::new))).replaceWithVoid();
        published.increment(result.sent().size());
        for (RelayBatch.Parked row : result.parked()) {
            LOG.errorf("outbox: event %d can never be published (%s); parked", row.id(), row.error());
            parked.increment();
            markSent = markSent.chain(() -> connection.preparedQuery(
                            "update outbox_event set parked_at = now(), last_error = $2 where id = $1")
                    .execute(Tuple.of(row.id(), truncate(row.error()))).replaceWithVoid());
        }
        if (result.failed() == null) {
            consecutiveFailures = 0;
            return markSent.replaceWith(result.sent().size());
        }
        failures.increment();
        int failuresInARow = ++consecutiveFailures;
        long pause = Math.min(5000, 100L << Math.min(6, failuresInARow));
        pausedUntil = System.currentTimeMillis() + pause;
        LOG.warnf("outbox: event %d not published (%s); retrying in %d ms", result.failed().id(), result.error(),
                pause);
        return markSent.chain(() -> connection.preparedQuery(
                        "update outbox_event set attempts = attempts + 1, last_error = $2 where id = $1")
                .execute(Tuple.of(result.failed().id(), truncate(result.error()))))
                .replaceWith(result.sent().size());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 500);
    }
}
