package io.plurum.sessions.client;

import java.util.List;
import java.util.UUID;

/** What a new session is about, and whose it is (search leaves the agent's own sessions out of the matches). */
record MatchRequest(String topic, String domain, List<String> toolsUsed, UUID agentId) {
}
