package io.plurum.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.Topic;
import io.plurum.platform.json.Json;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The only way a service publishes: the event row joins the caller's open transaction, so the state change and
 * its event commit (or roll back) together. Call it from inside a {@code @WithTransaction} method.
 */
@ApplicationScoped
public class Outbox {

    public Uni<Void> publish(EventEnvelope event) {
        return write(event.eventId(), event.eventType().topic(), event.aggregateId(), Json.write(event));
    }

    /** A tombstone: removes {@code key} from a compacted topic. */
    public Uni<Void> tombstone(Topic topic, String key) {
        if (topic.cleanup() != Topic.Cleanup.COMPACT) {
            throw new IllegalArgumentException(topic.name() + " is not compacted");
        }
        return write(UUID.randomUUID(), topic, key, null);
    }

    private Uni<Void> write(UUID eventId, Topic topic, String key, String payload) {
        OutboxEvent row = new OutboxEvent();
        row.eventId = eventId;
        row.topic = topic.name();
        row.messageKey = key;
        row.payload = payload;
        row.createdAt = Instant.now();
        return row.persist().replaceWithVoid();
    }
}
