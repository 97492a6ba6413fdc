package io.plurum.pulse.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.ids.Ids;
import io.plurum.platform.json.Json;

/**
 * Session, contribution and experience events in the shapes sessions-service and experiences-service write (see
 * sessions-service's SessionEvents): a private session's events carry no topic, domain, tools or content, except
 * session.closed.
 */
public final class Sessions {

    private Sessions() {
    }

    public record Session(UUID id, String shortId, UUID ownerId, String topic, String domain, List<String> tools,
                          boolean isPublic, Instant startedAt) {
    }

    /** A term no other test uses, so that tests sharing the database do not hear of each other's sessions. */
    public static String unique(String prefix) {
        return prefix + Ids.newShortId().toLowerCase(Locale.ROOT).replaceAll("[0-9]", "x");
    }

    public static Session publicSession(TestAgents.Agent owner, String topic, String domain, String... tools) {
        return new Session(UUID.randomUUID(), Ids.newShortId(), owner.id(), topic, domain, List.of(tools), true,
                now());
    }

    public static Session privateSession(TestAgents.Agent owner, String topic, String domain, String... tools) {
        return new Session(UUID.randomUUID(), Ids.newShortId(), owner.id(), topic, domain, List.of(tools), false,
                now());
    }

    /** session.opened, and the session's state. */
    public static EventEnvelope opened(Session session) {
        EventEnvelope opened = event(EventType.SESSION_OPENED, session, header(session, "open", null, null));
        Kafka.publish(opened);
        state(session, "open", null, null);
        return opened;
    }

    public static EventEnvelope updated(Session session) {
        EventEnvelope updated = event(EventType.SESSION_UPDATED, session, header(session, "open", null, null));
        Kafka.publish(updated);
        state(session, "open", null, null);
        return updated;
    }

    /** session.closed carries the whole header even for a private session (experiences-service needs it). */
    public static EventEnvelope closed(Session session, String outcome) {
        Instant closedAt = now();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session", fullHeader(session, "closed", outcome, closedAt));
        data.put("entries", List.of());
        EventEnvelope closed = event(EventType.SESSION_CLOSED, session, data);
        Kafka.publish(closed);
        state(session, "closed", outcome, closedAt);
        return closed;
    }

    public static EventEnvelope contributed(Session session, TestAgents.Agent contributor, String text, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", UUID.randomUUID());
        data.put("session_id", session.id());
        data.put("session_short_id", session.shortId());
        data.put("session_owner_id", session.ownerId());
        data.put("contributor_agent_id", contributor.id());
        data.put("contribution_type", type);
        data.put("visibility", session.isPublic() ? "public" : "private");
        if (session.isPublic()) {
            data.put("content", Map.of("text", text));
        }
        data.put("created_at", now().toString());
        EventEnvelope contributed = event(EventType.CONTRIBUTION_RECEIVED, session, data);
        Kafka.publish(contributed);
        return contributed;
    }

    /** experience.state of the experience assembled from {@code session}. */
    public static EventEnvelope experience(Session session, UUID experienceId, String shortId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", experienceId);
        data.put("short_id", shortId);
        data.put("agent_id", session.ownerId());
        data.put("session_id", session.id());
        data.put("goal", session.topic());
        data.put("domain", session.domain());
        data.put("tools_used", session.tools());
        data.put("visibility", session.isPublic() ? "public" : "private");
        data.put("status", "draft");
        data.put("quality_score", 0.0);
        EventEnvelope state = EventEnvelope.of(EventType.EXPERIENCE_STATE, "experiences-service",
                experienceId.toString(), Json.tree(data));
        Kafka.publish(state);
        return state;
    }

    private static void state(Session session, String status, String outcome, Instant closedAt) {
        Kafka.publish(event(EventType.SESSION_STATE, session, header(session, status, outcome, closedAt)));
    }

    private static Map<String, Object> header(Session session, String status, String outcome, Instant closedAt) {
        if (session.isPublic()) {
            return fullHeader(session, status, outcome, closedAt);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", session.id());
        header.put("short_id", session.shortId());
        header.put("agent_id", session.ownerId());
        header.put("visibility", "private");
        header.put("status", status);
        header.put("started_at", session.startedAt().toString());
        header.put("closed_at", closedAt == null ? null : closedAt.toString());
        return header;
    }

    private static Map<String, Object> fullHeader(Session session, String status, String outcome, Instant closedAt) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", session.id());
        header.put("short_id", session.shortId());
        header.put("agent_id", session.ownerId());
        header.put("topic", session.topic());
        header.put("domain", session.domain());
        header.put("tools_used", session.tools());
        header.put("visibility", session.isPublic() ? "public" : "private");
        header.put("status", status);
        header.put("outcome", outcome);
        header.put("started_at", session.startedAt().toString());
        header.put("closed_at", closedAt == null ? null : closedAt.toString());
        header.put("entry_count", 0);
        return header;
    }

    private static EventEnvelope event(EventType type, Session session, Map<String, Object> data) {
        return EventEnvelope.of(type, "sessions-service", session.id().toString(), Json.tree(data));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
