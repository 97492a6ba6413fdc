package io.plurum.pulse.mapping;

import java.util.List;
import java.util.UUID;

/** {@code GET /pulse/status}: who is connected (all replicas), and the public sessions open or recently closed. */
public record PulseStatus(long connectedAgents, List<UUID> agentIds, long activeSessions,
                          List<StatusSession> sessions) {
}
