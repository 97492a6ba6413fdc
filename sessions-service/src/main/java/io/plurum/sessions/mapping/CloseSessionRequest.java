package io.plurum.sessions.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

public record CloseSessionRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = Patterns.OUTCOME, message = Patterns.OUTCOME_MESSAGE) String outcome) {
}
