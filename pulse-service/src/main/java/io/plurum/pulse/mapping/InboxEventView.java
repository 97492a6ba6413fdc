package io.plurum.pulse.mapping;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;

/** {@code event_data} is JSON this service wrote itself, passed through as it is stored. */
public record InboxEventView(UUID id, String eventType, @JsonRawValue String eventData,
                             @JsonProperty("is_read") boolean isRead, Instant createdAt) {
}
