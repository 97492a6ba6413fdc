package io.plurum.pulse.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Direct looks into the pulse database, to know when the consumer is done with an event. */
public final class Db {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Db() {
    }

    /** Waits until the shared consumer has applied {@code eventId} (committed, inbox rows and profile included). */
    public static void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() ->
                count("select count(*) from processed_event where consumer = 'pulse-inbox' and event_id = $1",
                        eventId) == 1);
    }

    public static void awaitCount(long expected, String sql, Object... parameters) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() -> count(sql, parameters) == expected);
    }

    public static long count(String sql, Object... parameters) {
        return pool().preparedQuery(sql).execute(Tuple.from(List.of(parameters))).await().atMost(WAIT)
                .iterator().next().getLong(0);
    }

    public static void execute(String sql, Object... parameters) {
        pool().preparedQuery(sql).execute(Tuple.from(List.of(parameters))).await().atMost(WAIT);
    }

    private static Pool pool() {
        return Arc.container().instance(Pool.class).get();
    }
}
