package io.plurum.pulse.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plurum.pulse.domain.PulseSession;

public record StatusSession(UUID id, String shortId, UUID agentId, String topic, String domain, List<String> toolsUsed,
                            String status, String outcome, Instant startedAt, Instant closedAt) {

    public static StatusSession of(PulseSession session) {
        return new StatusSession(session.id, session.shortId, session.agentId, session.topic, session.domain,
                List.copyOf(session.toolsUsed), session.status, session.outcome, session.startedAt,
                session.closedAt);
    }
}
