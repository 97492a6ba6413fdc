package io.plurum.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one shape of every Plurum event. The aggregate id is also the Kafka key, so the events of one
 * session or experience stay in order on their partition.
 */
public record EventEnvelope(UUID eventId, String type, Instant occurredAt, String producer, String aggregateId,
                            JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(producer, "producer");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    public static EventEnvelope of(EventType type, String producer, String aggregateId, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID(), type.wireName(), Instant.now(), producer, aggregateId, data);
    }

    public EventType eventType() {
        return EventType.fromWireName(type);
    }
}
