package io.plurum.experiences.mapping;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.Stats;
import io.plurum.platform.events.ExperienceState;

/** The experience as the API shows it, which is also the state it publishes on plurum.experiences.v1. */
public final class ExperienceMapper {

    private ExperienceMapper() {
    }

    /** The state on plurum.experiences.v1: what the API shows, plus the embedding search replicas index. */
    public static ExperienceState event(Experience experience) {
        return state(experience).withEmbedding(experience.embedding, experience.embeddingModel);
    }

    public static ExperienceState state(Experience experience) {
        Stats stats = experience.stats();
        return new ExperienceState(experience.id, experience.shortId, experience.agentId, experience.sessionId,
                experience.goal, experience.domain, experience.toolsUsed,
                experience.outcome == null ? null : experience.outcome.wire(), experience.status.wire(),
                experience.visibility.wire(), experience.learnings.deadEnds(), experience.learnings.breakthroughs(),
                experience.learnings.gotchas(), experience.learnings.artifacts(), experience.context,
                experience.qualityScore, stats.successRate(), stats.totalReports(), stats.successCount(),
                stats.failureCount(), stats.upvotes(), stats.downvotes(), experience.acquisitions,
                stats.acquiredReports(), stats.recentSuccessRate(), experience.createdAt, experience.publishedAt,
                experience.updatedAt);
    }
}
