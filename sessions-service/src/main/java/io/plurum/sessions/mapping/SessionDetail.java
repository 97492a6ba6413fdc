package io.plurum.sessions.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** {@code GET /sessions/{identifier}}: the session's fields and its entries, side by side. */
public record SessionDetail(@JsonUnwrapped SessionView session, List<EntryView> entries) {
}
