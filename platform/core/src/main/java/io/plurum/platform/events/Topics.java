package io.plurum.platform.events;

import java.time.Duration;
import java.util.List;

import io.plurum.platform.events.Topic.Cleanup;

/** The one registry of Plurum's topics. Nothing else names a topic. */
public final class Topics {

    private static final Duration WEEK = Duration.ofDays(7);

    /** Key: sha256(api key); value {agent_id, active}; a tombstone when a key is rotated away. */
    public static final Topic CREDENTIALS = new Topic("plurum.credentials.v1", "agents", Cleanup.COMPACT, null);
    /** Key: agent id; value: the public profile. */
    public static final Topic AGENTS = new Topic("plurum.agents.v1", "agents", Cleanup.COMPACT, null);
    public static final Topic SESSIONS = new Topic("plurum.sessions.v1", "sessions", Cleanup.DELETE, WEEK);
    public static final Topic SESSION_STATE = new Topic("plurum.session-state.v1", "sessions", Cleanup.COMPACT, null);
    public static final Topic CONTRIBUTIONS = new Topic("plurum.contributions.v1", "sessions", Cleanup.DELETE, WEEK);
    public static final Topic EXPERIENCES = new Topic("plurum.experiences.v1", "experiences", Cleanup.COMPACT, null);
    /** Key: experience id; {@code outcome.reported}, so other services can count and route what agents used. */
    public static final Topic OUTCOMES = new Topic("plurum.outcomes.v1", "experiences", Cleanup.DELETE, WEEK);

    public static final List<Topic> ALL =
            List.of(CREDENTIALS, AGENTS, SESSIONS, SESSION_STATE, CONTRIBUTIONS, EXPERIENCES, OUTCOMES);

    private Topics() {
    }

    public static Topic byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown topic " + name));
    }
}
