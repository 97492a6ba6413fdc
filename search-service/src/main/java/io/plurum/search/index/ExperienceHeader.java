package io.plurum.search.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The part of an experience's card that changes only with its content: stored with its document, as JSON, and
 * completed by its {@link ExperienceCounters} when read.
 */
public record ExperienceHeader(UUID id, String shortId, UUID agentId, UUID sessionId, String goal, String domain,
                               List<String> toolsUsed, String status, String visibility, String outcome,
                               Instant createdAt, Instant publishedAt) {
}
