package io.plurum.platform.events;

import java.time.Duration;
import java.util.Map;

/**
 * A Kafka topic of Plurum: its name, its one writer and how the broker keeps it.
 * Compacted topics are tables (latest value per key) that read models are rebuilt from.
 */
public record Topic(String name, String writer, Cleanup cleanup, Duration retention) {

    public enum Cleanup { COMPACT, DELETE }

    public String deadLetter() {
        return name + ".dlq";
    }

    /** The broker settings this topic is created with. */
    public Map<String, String> config() {
        return cleanup == Cleanup.COMPACT
                ? Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0")
                : Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()));
    }
}
