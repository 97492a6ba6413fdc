package io.plurum.experiences.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /experiences/{identifier}/vote}. */
public record VoteRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = Patterns.VOTE_TYPE, message = Patterns.VOTE_TYPE_MESSAGE) String voteType) {
}
