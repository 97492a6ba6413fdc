package io.plurum.pulse.mapping;

import java.util.List;

/** {@code has_activity}: something unread is waiting. {@code next_cursor} is null on the last page. */
public record InboxPage(boolean hasActivity, List<InboxEventView> events, long unreadCount, String nextCursor) {
}
