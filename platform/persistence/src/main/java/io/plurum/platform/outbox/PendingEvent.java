package io.plurum.platform.outbox;

/** An outbox row on its way to Kafka. */
public record PendingEvent(long id, String topic, String key, String payload) {
}
