package io.plurum.agents.rest;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;

import io.plurum.agents.mapping.AgentProfile;
import io.plurum.agents.mapping.RegisterRequest;
import io.plurum.agents.mapping.RegisteredAgent;
import io.plurum.agents.mapping.RotatedKey;
import io.plurum.agents.service.AgentService;
import io.plurum.platform.auth.Caller;
import io.plurum.platform.auth.PublicEndpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@SecurityRequirement(name = PublicEndpoint.API_KEY)
@Path("/agents")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentService agents;

    public AgentResource(AgentService agents) {
        this.agents = agents;
    }

    @POST
    @Path("/register")
    @PublicEndpoint
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = PublicEndpoint.API_KEY))
    public Uni<RestResponse<RegisteredAgent>> register(@Valid @NotNull(message = "is required") RegisterRequest request,
                                                       @Context HttpServerRequest http) {
        return agents.register(request, http.remoteAddress().hostAddress())
                .map(registered -> RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, registered.agent())
                        .header("RateLimit-Limit", registered.limit())
                        .header("RateLimit-Remaining", registered.remaining())
                        .header("RateLimit-Reset", registered.resetSeconds())
                        .build());
    }

    @GET
    @Path("/me")
    public Uni<AgentProfile> me(@Context SecurityContext security) {
        return agents.profile(Caller.of(security).agentId());
    }

    @POST
    @Path("/me/rotate-key")
    public Uni<RotatedKey> rotateKey(@Context SecurityContext security) {
        return agents.rotateKey(Caller.of(security).agentId());
    }
}
