package io.plurum.search.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An experience as search results show it: the API's experience object without the reasoning itself. */
public record ExperienceCard(UUID id, String shortId, UUID agentId, UUID sessionId, String goal, String domain,
                             List<String> toolsUsed, String status, String visibility, String outcome,
                             double qualityScore, double successRate, int totalReports, int successCount,
                             int failureCount, int upvotes, int downvotes, int acquisitions, Instant createdAt,
                             Instant publishedAt, Instant updatedAt) {

    public static ExperienceCard of(ExperienceHeader h, ExperienceCounters c) {
        return new ExperienceCard(h.id(), h.shortId(), h.agentId(), h.sessionId(), h.goal(), h.domain(),
                h.toolsUsed(), h.status(), h.visibility(), h.outcome(), c.qualityScore(), c.successRate(),
                c.totalReports(), c.successCount(), c.failureCount(), c.upvotes(), c.downvotes(), c.acquisitions(),
                h.createdAt(), h.publishedAt(), c.updatedAt());
    }
}
