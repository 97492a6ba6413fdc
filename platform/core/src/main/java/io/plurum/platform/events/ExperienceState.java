package io.plurum.platform.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The full current state of one experience: the value of {@link EventType#EXPERIENCE_STATE} on the compacted
 * {@link Topics#EXPERIENCES} topic (key: the experience id), and also the experience object of the HTTP API.
 * Read models (search, pulse, sessions' link back to the experience) are rebuilt from it alone.
 *
 * <p>Only published experiences appear on the topic, private ones included: a consumer that shows them must keep a
 * private experience to its author ({@code agent_id}). A tombstone removes an experience that stopped being
 * searchable.
 *
 * @param sessionId         the session it was assembled from; null when created by hand
 * @param outcome           {@code success}, {@code partial}, {@code failure}, or null
 * @param status            {@code draft} or {@code published}
 * @param visibility        {@code public} or {@code private}
 * @param context           the session's updates and notes, or free text given by hand; may be null
 * @param qualityScore      in [0,1]: how surely outcome reports (and, less, votes) show it works (formula: README)
 * @param successRate       successes over reports, 0 without reports
 * @param acquiredReports   reports whose agent acquired the experience before reporting
 * @param recentSuccessRate success rate of the last 10 reports (the trend); null without reports
 */
public record ExperienceState(UUID id, String shortId, UUID agentId, UUID sessionId, String goal, String domain,
                              List<String> toolsUsed, String outcome, String status, String visibility,
                              List<DeadEnd> deadEnds, List<Breakthrough> breakthroughs, List<Gotcha> gotchas,
                              List<Artifact> artifacts, String context, double qualityScore, double successRate,
                              int totalReports, int successCount, int failureCount, int upvotes, int downvotes,
                              int acquisitions, int acquiredReports, Double recentSuccessRate, Instant createdAt,
                              Instant publishedAt, Instant updatedAt) {

    /** Something that was tried and did not work. */
    public record DeadEnd(String what, String why) {
    }

    /** A key insight; {@code importance} is {@code high}, {@code medium} or {@code low}. */
    public record Breakthrough(String insight, String detail, String importance) {
    }

    /** An edge case or trap, and when it applies. */
    public record Gotcha(String warning, String context) {
    }

    /** Code or configuration that came out of the work. */
    public record Artifact(String language, String code, String description) {
    }
}
