package io.plurum.experiences.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.ids.Ids;

/**
 * The parts of a {@code session.closed} event that assembly uses, read tolerantly: unknown fields are ignored and
 * optional ones may be missing, so sessions-service can add to its event without breaking this service. Only what
 * an experience cannot do without (the session's id, its agent and its topic) makes an event unreadable.
 *
 * @param visibility {@code public} or {@code private}, as the event says
 * @param outcome    may be null
 */
public record SessionClosed(UUID sessionId, UUID agentId, String topic, String domain, List<String> toolsUsed,
                            String visibility, String outcome, List<Entry> entries) {

    /** One journal entry: its type and its content as logged ({@code {what, why}} for a dead end, ...). */
    public record Entry(int seq, String entryType, JsonNode content) {
    }

    /** Reads {@code data} of a session.closed envelope; IllegalArgumentException when it cannot make sense of it. */
    public static SessionClosed from(JsonNode data) {
        JsonNode session = data == null ? null : data.path("session");
        if (session == null || !session.isObject()) {
            throw new IllegalArgumentException("session.closed without a session");
        }
        List<String> tools = new ArrayList<>();
        session.path("tools_used").forEach(tool -> {
            if (tool.isTextual()) {
                tools.add(tool.asText());
            }
        });
        List<Entry> entries = new ArrayList<>();
        data.path("entries").forEach(entry -> {
            if (entry.isObject() && entry.path("content").isObject()) {
                entries.add(new Entry(entry.path("seq").asInt(), entry.path("entry_type").asText(),
                        entry.get("content")));
            }
        });
        entries.sort(Comparator.comparingInt(Entry::seq));
        return new SessionClosed(uuid(session, "id"), uuid(session, "agent_id"), required(session, "topic"),
                text(session, "domain"), tools, text(session, "visibility"), text(session, "outcome"), entries);
    }

    private static UUID uuid(JsonNode node, String field) {
        return Ids.parseUuid(node.path(field).asText(null))
                .orElseThrow(() -> new IllegalArgumentException("session." + field + " is not a UUID"));
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new IllegalArgumentException("session." + field + " is missing");
        }
        return value;
    }

    /** The field's text, stripped; null when missing, not text, or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().strip() : null;
    }
}
