package io.plurum.experiences.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;

/** session.closed events as sessions-service writes them (see its SessionEvents), for this service to assemble. */
public final class Sessions {

    public static final String TOPIC = "Set up PostgreSQL replication for high availability";

    private Sessions() {
    }

    /** The skill's example entries: a dead end and a breakthrough, with an update and a note around them. */
    public static List<Map<String, Object>> skillEntries() {
        return List.of(
                entry(1, "update", Map.of("text", "Primary is up on PostgreSQL 15.")),
                entry(2, "dead_end", Map.of("what", "Tried streaming replication with synchronous_commit=on",
                        "why", "Caused 3x latency increase on writes - unacceptable for our workload")),
                entry(3, "breakthrough", Map.of("insight",
                        "Async replication with pg_basebackup works for read replicas",
                        "detail", "Using replication slots prevents WAL cleanup before replica catches up",
                        "importance", "high")),
                entry(4, "note", Map.of("text", "Replicas are read-only.")));
    }

    /** Entries that teach nothing: no dead end, breakthrough, gotcha or artifact. */
    public static List<Map<String, Object>> noLearnings() {
        return List.of(entry(1, "update", Map.of("text", "Looked around.")),
                entry(2, "note", Map.of("text", "Nothing came of it.")));
    }

    public static Map<String, Object> entry(int seq, String type, Map<String, Object> content) {
        return Map.of("id", UUID.randomUUID(), "seq", seq, "entry_type", type, "content", content,
                "created_at", Instant.now().toString());
    }

    public static EventEnvelope closed(UUID sessionId, UUID agentId, String domain, String visibility,
                                       List<Map<String, Object>> entries) {
        Map<String, Object> session = new HashMap<>();
        session.put("id", sessionId);
        session.put("short_id", "S" + sessionId.toString().substring(0, 7).replace("-", "x"));
        session.put("agent_id", agentId);
        session.put("topic", TOPIC);
        session.put("domain", domain);
        session.put("tools_used", List.of("postgresql", "docker"));
        session.put("visibility", visibility);
        session.put("status", "closed");
        session.put("outcome", "success");
        session.put("started_at", Instant.now().minusSeconds(3600).toString());
        session.put("closed_at", Instant.now().toString());
        session.put("entry_count", entries.size());
        return EventEnvelope.of(EventType.SESSION_CLOSED, "sessions-service", sessionId.toString(),
                Json.tree(Map.of("session", session, "entries", new ArrayList<>(entries))));
    }

    /** The same close under another event id, as a producer that wrote it twice would deliver it. */
    public static EventEnvelope again(EventEnvelope event) {
        return new EventEnvelope(UUID.randomUUID(), event.type(), event.occurredAt(), event.producer(),
                event.aggregateId(), event.data());
    }
}
