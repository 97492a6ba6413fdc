package io.plurum.sessions.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code POST /sessions/{session_id}/entries}; the content is checked against its entry type's fields. */
public record LogEntryRequest(
        @NotNull(message = "is required")
        @Pattern(regexp = Patterns.ENTRY_TYPE, message = Patterns.ENTRY_TYPE_MESSAGE) String entryType,
        JsonNode content) {
}
