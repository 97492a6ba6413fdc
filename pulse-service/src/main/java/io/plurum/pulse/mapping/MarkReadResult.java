package io.plurum.pulse.mapping;

/** How many events this call marked, and how many stay unread. */
public record MarkReadResult(int marked, long unreadCount) {
}
