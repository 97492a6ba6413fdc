package io.plurum.search.index;

import java.time.Instant;

/**
 * What changes with every outcome, vote and acquisition of an experience. Kept in numeric doc values, one field each,
 * so that a counter-only update rewrites a few bytes per document of the segment rather than whole cards.
 */
public record ExperienceCounters(double qualityScore, double successRate, int totalReports, int successCount,
                                 int failureCount, int upvotes, int downvotes, int acquisitions, Instant updatedAt) {
}
