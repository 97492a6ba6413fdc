package io.plurum.platform.events;

import java.time.Duration;
import java.util.Map;

/**
 * A Kafka topic of Plurum: its name, its one writer and how the broker keeps it.
 * Compacted topics are tables (latest value per key) that read models are rebuilt from.
 */
public record Topic(String name, String writer, Cleanup cleanup, Duration retention) {

    public enum Cleanup { COMPACT, DELETE }

    /** Largest event any topic takes: a session.closed carries every entry of its session. */
    public static final int MAX_MESSAGE_BYTES = 8 * 1024 * 1024;

    public String deadLetter() {
        return name + ".dlq";
    }

    /** The broker settings this topic is created with. */
    public Map<String, String> config() {
        String maxBytes = Integer.toString(MAX_MESSAGE_BYTES);
        return cleanup == Cleanup.COMPACT
                ? Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0", "max.message.bytes", maxBytes)
                : Map.of("cleanup.policy", "delete", "retention.ms", Long.toString(retention.toMillis()),
                        "max.message.bytes", maxBytes);
    }
}
