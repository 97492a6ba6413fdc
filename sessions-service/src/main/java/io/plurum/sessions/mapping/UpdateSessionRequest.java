package io.plurum.sessions.mapping;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PATCH /sessions/{session_id}}: a field left out (or null) stays as it is. */
public record UpdateSessionRequest(
        @Pattern(regexp = Patterns.NOT_BLANK, message = "must not be blank")
        @Size(max = 1000, message = "must be at most 1000 characters") String topic,
        @Size(max = 100, message = "must be at most 100 characters") String domain,
        List<String> toolsUsed,
        @Pattern(regexp = Patterns.VISIBILITY, message = Patterns.VISIBILITY_MESSAGE) String visibility) {
}
