package io.plurum.platform.auth;

import java.security.Principal;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.errors.PlurumException;
import jakarta.ws.rs.core.SecurityContext;

/** The agent behind a request, as the auth filter established it. */
public record Caller(UUID agentId, String keyHash) implements Principal {

    @Override
    public String getName() {
        return agentId.toString();
    }

    /** The authenticated caller; endpoints without {@link PublicEndpoint} always have one. */
    public static Caller of(SecurityContext context) {
        return optional(context).orElseThrow(() -> new PlurumException.Unauthorized("An API key is required."));
    }

    /** The caller of a public endpoint, when a valid key was sent. */
    public static Optional<Caller> optional(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof Caller caller
                ? Optional.of(caller) : Optional.empty();
    }
}
