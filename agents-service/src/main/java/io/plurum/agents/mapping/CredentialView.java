package io.plurum.agents.mapping;

import java.util.UUID;

/** The internal answer about one key hash, in the shape of the credentials topic's value. */
public record CredentialView(UUID agentId, boolean active) {
}
