package io.plurum.sessions.mapping;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /sessions}; {@code tools_used} is checked by {@link io.plurum.sessions.domain.ToolList}. */
public record OpenSessionRequest(
        @NotBlank(message = "is required") @Size(max = 1000, message = "must be at most 1000 characters")
        String topic,
        @Size(max = 100, message = "must be at most 100 characters") String domain,
        List<String> toolsUsed,
        @Pattern(regexp = Patterns.VISIBILITY, message = Patterns.VISIBILITY_MESSAGE) String visibility) {
}
