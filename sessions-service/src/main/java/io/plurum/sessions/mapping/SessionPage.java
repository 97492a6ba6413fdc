package io.plurum.sessions.mapping;

import java.util.List;

/** One page of the caller's sessions; {@code next_cursor} is null on the last page. */
public record SessionPage(List<SessionView> sessions, String nextCursor) {
}
