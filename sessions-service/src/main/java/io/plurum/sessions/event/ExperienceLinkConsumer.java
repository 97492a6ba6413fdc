package io.plurum.sessions.event;

import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;
import io.plurum.platform.ids.Ids;
import io.plurum.sessions.service.SessionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Follows the experiences' state topic to give a closed session its {@code experience_id}: experiences-service
 * is the only writer of experiences, and this service the only writer of sessions.
 */
@ApplicationScoped
public class ExperienceLinkConsumer {

    private final SessionService sessions;

    public ExperienceLinkConsumer(SessionService sessions) {
        this.sessions = sessions;
    }

    @Incoming("experiences")
    public Uni<Void> onExperienceState(String payload) throws Exception {
        if (payload == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode event = Json.mapper().readTree(payload);
        JsonNode data = event.path("data");
        if (!EventType.EXPERIENCE_STATE.wireName().equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        var sessionId = Ids.parseUuid(data.path("session_id").asText(null));
        var experienceId = Ids.parseUuid(data.path("id").asText(null));
        if (sessionId.isEmpty() || experienceId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.linkExperience(sessionId.get(), experienceId.get(), data.path("short_id").asText(null));
    }
}
