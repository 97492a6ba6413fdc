package io.plurum.pulse.event;

import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;

/**
 * Reads the events of other services into the few facts pulse needs; anything unreadable is an
 * {@link UnreadableEvent}.
 */
public final class IncomingEvents {

    /** agent.registered, reduced to what an inbox event shows of its actor. */
    public record AgentName(UUID agentId, String username) {
    }

    private IncomingEvents() {
    }

    public static EventEnvelope envelope(String value) {
        if (value == null) {
            throw new UnreadableEvent("no value");
        }
        try {
            return Json.read(value, EventEnvelope.class);
        } catch (RuntimeException e) {
            throw new UnreadableEvent("not an event envelope", e);
        }
    }

    /** The type, or empty for types this service has never heard of (a newer producer). */
    public static Optional<EventType> type(EventEnvelope event) {
        try {
            return Optional.of(event.eventType());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The session event agents hear about, if {@code event} is one. */
    public static Optional<PulseEvent> pulseEvent(EventEnvelope event) {
        return type(event).map(type -> switch (type) {
            case SESSION_OPENED -> new PulseEvent.SessionOpened(event.eventId(), event.occurredAt(), header(event));
            case SESSION_CLOSED -> new PulseEvent.SessionClosed(event.eventId(), event.occurredAt(), header(event));
            case CONTRIBUTION_RECEIVED -> new PulseEvent.ContributionReceived(event.eventId(), event.occurredAt(),
                    contribution(event));
            default -> null;
        });
    }

    /** The session header of any session event; session.closed nests it next to the entries. */
    public static SessionHeader header(EventEnvelope event) {
        JsonNode data = event.type().equals(EventType.SESSION_CLOSED.wireName())
                ? event.data().path("session") : event.data();
        SessionHeader header = convert(data, SessionHeader.class);
        if (header.id() == null || header.agentId() == null || header.shortId() == null
                || header.startedAt() == null) {
            throw new UnreadableEvent(event.type() + " without id, short_id, agent_id or started_at");
        }
        return header;
    }

    public static ContributionFacts contribution(EventEnvelope event) {
        ContributionFacts facts = convert(event.data(), ContributionFacts.class);
        if (facts.id() == null || facts.sessionId() == null || facts.sessionOwnerId() == null
                || facts.contributorAgentId() == null) {
            throw new UnreadableEvent("contribution.received without its ids");
        }
        return facts;
    }

    public static ExperienceFacts experience(EventEnvelope event) {
        ExperienceFacts facts = convert(event.data(), ExperienceFacts.class);
        if (facts.id() == null || facts.agentId() == null) {
            throw new UnreadableEvent("experience.state without id or agent_id");
        }
        return facts;
    }

    public static AgentName agent(EventEnvelope event) {
        AgentName agent = new AgentName(convert(event.data().path("id"), UUID.class),
                event.data().path("username").asText(null));
        if (agent.agentId() == null || agent.username() == null) {
            throw new UnreadableEvent("agent.registered without id or username");
        }
        return agent;
    }

    private static <T> T convert(JsonNode data, Class<T> type) {
        if (data == null || data.isMissingNode() || data.isNull()) {
            throw new UnreadableEvent("no data for " + type.getSimpleName());
        }
        try {
            return Json.convert(data, type);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEvent("unreadable " + type.getSimpleName(), e);
        }
    }
}
