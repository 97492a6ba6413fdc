package io.plurum.experiences.mapping;

import java.time.Instant;
import java.util.UUID;

import io.plurum.experiences.domain.OutcomeReport;

/**
 * A stored outcome report. {@code counted} is false for the author's own report, which does not count toward the
 * experience's stats.
 */
public record OutcomeView(UUID id, UUID experienceId, UUID agentId, boolean success, Long executionTimeMs,
                          String errorMessage, String contextNotes, boolean acquiredBefore, boolean counted,
                          Instant createdAt) {

    public static OutcomeView of(OutcomeReport report) {
        return new OutcomeView(report.id, report.experienceId, report.agentId, report.success,
                report.executionTimeMs, report.errorMessage, report.contextNotes, report.acquiredBefore,
                report.counted, report.createdAt);
    }
}
