package io.plurum.pulse.client;

import com.fasterxml.jackson.databind.JsonNode;

/** What sessions-service made of a contribution forwarded from the WebSocket. */
public sealed interface ContributeResult {

    /** Stored: the contribution as sessions-service answers it. */
    record Accepted(JsonNode contribution) implements ContributeResult {
    }

    /** Not stored, and why, in words the agent can act on. */
    record Refused(String message) implements ContributeResult {
    }
}
