package io.plurum.sessions.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /sessions/{session_id}/contribute}; the type is a suggestion unless said otherwise. */
public record ContributeRequest(
        @NotNull(message = "is required") @Valid Content content,
        @Pattern(regexp = Patterns.CONTRIBUTION_TYPE, message = Patterns.CONTRIBUTION_TYPE_MESSAGE)
        String contributionType) {

    public record Content(@NotBlank(message = "is required") String text) {
    }
}
