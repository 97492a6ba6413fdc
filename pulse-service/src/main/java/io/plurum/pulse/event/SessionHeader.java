package io.plurum.pulse.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as sessions-service's events describe it. A private session's events carry no topic, domain or tools,
 * so those are null here for private sessions.
 */
public record SessionHeader(UUID id, String shortId, UUID agentId, String topic, String domain, List<String> toolsUsed,
                            String visibility, String status, String outcome, Instant startedAt, Instant closedAt) {

    public static final String PUBLIC = "public";

    public SessionHeader {
        toolsUsed = toolsUsed == null ? List.of() : List.copyOf(toolsUsed);
    }

    public boolean isPublic() {
        return PUBLIC.equals(visibility);
    }
}
