package io.plurum.platform.auth;

import java.util.UUID;

/** What the credentials topic says of one key hash: whose it is and whether it still opens doors. */
public record Credential(UUID agentId, boolean active) {
}
