package io.plurum.sessions.mapping;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.sessions.domain.EntryType;

public record EntryView(UUID id, UUID sessionId, EntryType entryType, JsonNode content, Instant createdAt) {
}
