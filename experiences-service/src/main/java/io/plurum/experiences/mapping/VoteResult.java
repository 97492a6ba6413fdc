package io.plurum.experiences.mapping;

import java.util.UUID;

import io.plurum.experiences.domain.VoteType;

/** The caller's vote and the experience's counts after it; {@code counted} is false for the author's own vote. */
public record VoteResult(UUID experienceId, String shortId, VoteType voteType, boolean counted, int upvotes,
                         int downvotes, double qualityScore) {
}
