package io.plurum.sessions.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plurum.sessions.domain.Outcome;
import io.plurum.sessions.domain.SessionStatus;
import io.plurum.sessions.domain.Visibility;

/** The session object of the API. */
public record SessionView(UUID id, String shortId, UUID agentId, String topic, String domain, List<String> toolsUsed,
                          Visibility visibility, SessionStatus status, Outcome outcome, Instant startedAt,
                          Instant closedAt, int entryCount, UUID experienceId, String experienceShortId) {
}
