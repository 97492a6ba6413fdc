package io.plurum.pulse.event;

import java.util.List;
import java.util.UUID;

/** The part of experience.state that pulse uses: whose work it is, what about, and the session it came from. */
public record ExperienceFacts(UUID id, String shortId, UUID agentId, UUID sessionId, String goal, String domain,
                              List<String> toolsUsed, String visibility) {

    public ExperienceFacts {
        toolsUsed = toolsUsed == null ? List.of() : List.copyOf(toolsUsed);
    }

    public boolean isPublic() {
        return SessionHeader.PUBLIC.equals(visibility);
    }

    /** The source its evidence counts under: its session when it has one, so a session is not counted twice. */
    public UUID source() {
        return sessionId != null ? sessionId : id;
    }
}
