package io.plurum.agents.event;

import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.consumer.IdempotentConsumer;
import io.plurum.platform.events.EventType;
import io.plurum.platform.json.Json;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts what agents do in other services, for the stats of {@code GET /agents/me}: sessions opened,
 * contributions made, experiences authored, outcomes reported. Each event counts once, however often it is delivered.
 */
@ApplicationScoped
public class ActivityConsumer {

    private static final Logger LOG = Logger.getLogger(ActivityConsumer.class);
    private static final String CONSUMER = "agents-activity";

    private final IdempotentConsumer idempotent;

    public ActivityConsumer(IdempotentConsumer idempotent) {
        this.idempotent = idempotent;
    }

    @Incoming("sessions")
    public Uni<Void> onSessionEvent(String payload) {
        JsonNode event = parse(payload);
        if (event == null || !EventType.SESSION_OPENED.wireName().equals(event.path("type").asText())) {
            return Uni.createFrom().voidItem();
        }
        UUID agentId = UUID.fromString(event.at("/data/agent_id").asText());
        return once(event, () -> increment("sessions", agentId));
    }

    @Incoming("contributions")
    public Uni<Void> onContribution(String payload) {
        JsonNode event = parse(payload);
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        UUID contributor = UUID.fromString(event.at("/data/contributor_agent_id").asText());
        return once(event, () -> increment("contributions", contributor));
    }

    @Incoming("outcomes")
    public Uni<Void> onOutcome(String payload) {
        JsonNode event = parse(payload);
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        UUID reporter = UUID.fromString(event.at("/data/agent_id").asText());
        return once(event, () -> increment("outcomes_reported", reporter));
    }

    @Incoming("experiences")
    public Uni<Void> onExperienceState(String payload) {
        JsonNode event = parse(payload);
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        UUID experienceId = UUID.fromString(event.at("/data/id").asText());
        UUID authorId = UUID.fromString(event.at("/data/agent_id").asText());
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("insert into agent_experience (experience_id, agent_id) values (:e, :a) "
                        + "on conflict do nothing")
                .setParameter("e", experienceId).setParameter("a", authorId)
                .executeUpdate()
                .chain(inserted -> inserted == 1 ? increment("experiences", authorId) : Uni.createFrom().item(0))))
                .replaceWithVoid();
    }

    private Uni<Void> once(JsonNode event, java.util.function.Supplier<Uni<?>> sideEffect) {
        return idempotent.applyOnce(CONSUMER, UUID.fromString(event.path("event_id").asText()), sideEffect)
                .replaceWithVoid();
    }

    private static Uni<Integer> increment(String column, UUID agentId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("insert into agent_stats (agent_id, " + column + ") "
                        + "select id, 1 from agent where id = :a "
                        + "on conflict (agent_id) do update set " + column + " = agent_stats." + column + " + 1")
                .setParameter("a", agentId)
                .executeUpdate());
    }

    /** A tombstone (null) or an unreadable record counts for nothing; the latter is logged, not retried. */
    private static JsonNode parse(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(payload);
        } catch (Exception e) {
            LOG.warn("skipping an unreadable event");
            return null;
        }
    }
}
