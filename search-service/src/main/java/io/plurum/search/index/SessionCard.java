package io.plurum.search.index;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An open public session as matches show it: its public header. */
public record SessionCard(UUID id, String shortId, UUID agentId, String topic, String domain, List<String> toolsUsed,
                          String visibility, String status, String outcome, Instant startedAt, Instant closedAt,
                          int entryCount) {
}
