package io.plurum.agents.rest;

import java.util.regex.Pattern;

import io.plurum.agents.mapping.CredentialView;
import io.plurum.agents.service.AgentService;
import io.plurum.platform.auth.PublicEndpoint;
import io.plurum.platform.errors.PlurumException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The fallback other services use for a key hash the credentials topic has not delivered yet. Internal: the
 * gateway never routes {@code /internal}, and it reveals nothing a caller could not learn from the key itself.
 */
@Path("/internal/credentials")
@Produces(MediaType.APPLICATION_JSON)
@PublicEndpoint
public class InternalCredentialResource {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final AgentService agents;

    public InternalCredentialResource(AgentService agents) {
        this.agents = agents;
    }

    @GET
    @Path("/{keyHash}")
    public Uni<CredentialView> credential(@PathParam("keyHash") String keyHash) {
        if (!SHA256_HEX.matcher(keyHash).matches()) {
            return Uni.createFrom().failure(new PlurumException.BadRequest("A key hash is 64 lowercase hex digits."));
        }
        return agents.credential(keyHash)
                .onItem().ifNull().failWith(() -> new PlurumException.NotFound("No such key."))
                .map(key -> new CredentialView(key.agentId, key.active));
    }
}
