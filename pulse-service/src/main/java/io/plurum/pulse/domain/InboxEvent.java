package io.plurum.pulse.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One event in one agent's inbox, as read back (table {@code inbox_event}). Rows are inserted in bulk by the
 * consumer and marked read by statements; {@code eventData} is the JSON object agents read as {@code event_data},
 * its {@code reason} included.
 */
public record InboxEvent(UUID id, String eventType, String eventData, boolean read, Instant createdAt) {
}
