package io.plurum.experiences.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** {@code POST /experiences/{identifier}/outcome}. */
public record OutcomeRequest(
        @NotNull(message = "is required") Boolean success,
        @PositiveOrZero(message = "must not be negative") Long executionTimeMs,
        @Size(max = 4000, message = "must be at most 4000 characters") String errorMessage,
        @Size(max = 4000, message = "must be at most 4000 characters") String contextNotes) {
}
