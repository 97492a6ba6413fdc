package io.plurum.pulse.service;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plurum.pulse.event.PulseEvent;

/**
 * An event, what agents are shown of it, and who is told, each with a reason. The inbox and the WebSocket push
 * deliver the same notification, so they agree on who hears of what.
 */
public record Notification(PulseEvent event, ObjectNode data, List<Delivery> deliveries) {

    public record Delivery(UUID recipient, String reason) {
    }

    public Notification {
        data = data.deepCopy();
        deliveries = List.copyOf(deliveries);
    }

    /** What {@code delivery}'s recipient reads: the event's data and why it reached them. */
    public ObjectNode dataFor(Delivery delivery) {
        ObjectNode copy = data.deepCopy();
        copy.put("reason", delivery.reason());
        return copy;
    }
}
