package io.plurum.experiences.event;

import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;

/** The events experiences-service writes: the full state of an experience, keyed by its id. */
public final class ExperienceEvents {

    static final String PRODUCER = "experiences-service";

    private ExperienceEvents() {
    }

    public static EventEnvelope state(ExperienceState state) {
        return EventEnvelope.of(EventType.EXPERIENCE_STATE, PRODUCER, state.id().toString(), Json.tree(state));
    }
}
