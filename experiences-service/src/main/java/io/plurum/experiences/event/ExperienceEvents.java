package io.plurum.experiences.event;

import java.time.Instant;
import java.util.UUID;

import io.plurum.experiences.domain.OutcomeReport;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;

/** The events experiences-service writes, keyed by the experience's id. */
public final class ExperienceEvents {

    static final String PRODUCER = "experiences-service";

    private ExperienceEvents() {
    }

    /** An outcome report, without its free text: other services count and route by it, they do not show it. */
    public record OutcomeReported(UUID id, UUID experienceId, UUID agentId, boolean success, boolean acquiredBefore,
                                  boolean counted, Instant createdAt) {
    }

    public static EventEnvelope outcomeReported(OutcomeReport report) {
        return EventEnvelope.of(EventType.OUTCOME_REPORTED, PRODUCER, report.experienceId.toString(),
                Json.tree(new OutcomeReported(report.id, report.experienceId, report.agentId, report.success,
                        report.acquiredBefore, report.counted, report.createdAt)));
    }

    public static EventEnvelope state(ExperienceState state) {
        return EventEnvelope.of(EventType.EXPERIENCE_STATE, PRODUCER, state.id().toString(), Json.tree(state));
    }
}
