package io.plurum.experiences.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.jboss.resteasy.reactive.RestResponse;

import io.plurum.experiences.mapping.AcquireRequest;
import io.plurum.experiences.mapping.Acquired;
import io.plurum.experiences.mapping.CreateExperienceRequest;
import io.plurum.experiences.mapping.ExperiencePage;
import io.plurum.experiences.mapping.ListQuery;
import io.plurum.experiences.mapping.OutcomeRequest;
import io.plurum.experiences.mapping.OutcomeView;
import io.plurum.experiences.mapping.VoteRequest;
import io.plurum.experiences.mapping.VoteResult;
import io.plurum.experiences.service.AcquisitionService;
import io.plurum.experiences.service.ExperienceService;
import io.plurum.experiences.service.FeedbackService;
import io.plurum.platform.auth.Caller;
import io.plurum.platform.auth.PublicEndpoint;
import io.plurum.platform.events.ExperienceState;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Every {@code {identifier}} takes an experience's id or its short id. */
@SecurityRequirement(name = PublicEndpoint.API_KEY)
@Path("/experiences")
@Produces(MediaType.APPLICATION_JSON)
public class ExperienceResource {

    private final ExperienceService experiences;
    private final AcquisitionService acquisitions;
    private final FeedbackService feedback;

    public ExperienceResource(ExperienceService experiences, AcquisitionService acquisitions,
                              FeedbackService feedback) {
        this.experiences = experiences;
        this.acquisitions = acquisitions;
        this.feedback = feedback;
    }

    @POST
    public Uni<RestResponse<ExperienceState>> create(
            @Valid @NotNull(message = "is required") CreateExperienceRequest request,
            @Context SecurityContext security) {
        return experiences.create(Caller.of(security).agentId(), request)
                .map(created -> RestResponse.status(RestResponse.Status.CREATED, created));
    }

    /** Published public experiences; with a key, also the caller's own drafts and private ones. */
    @GET
    @PublicEndpoint
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = PublicEndpoint.API_KEY))
    public Uni<ExperiencePage> list(@QueryParam("domain") String domain, @QueryParam("status") String status,
                                    @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                                    @Context SecurityContext security) {
        return Uni.createFrom().item(() -> ListQuery.parse(domain, status, limit, cursor))
                .chain(query -> experiences.list(callerOrNull(security), query));
    }

    @GET
    @Path("/{identifier}")
    @PublicEndpoint
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = PublicEndpoint.API_KEY))
    public Uni<ExperienceState> get(@PathParam("identifier") String identifier, @Context SecurityContext security) {
        return experiences.get(identifier, callerOrNull(security));
    }

    @POST
    @Path("/{identifier}/publish")
    public Uni<ExperienceState> publish(@PathParam("identifier") String identifier,
                                        @Context SecurityContext security) {
        return experiences.publish(identifier, Caller.of(security).agentId());
    }

    /** An empty JSON body, or one without a mode, gets the full reasoning. */
    @POST
    @Path("/{identifier}/acquire")
    public Uni<Acquired> acquire(@PathParam("identifier") String identifier, @Valid AcquireRequest request,
                                 @Context SecurityContext security) {
        return acquisitions.acquire(identifier, Caller.of(security).agentId(), AcquireRequest.modeOf(request));
    }

    @POST
    @Path("/{identifier}/outcome")
    public Uni<RestResponse<OutcomeView>> reportOutcome(@PathParam("identifier") String identifier,
                                                        @Valid @NotNull(message = "is required")
                                                        OutcomeRequest request,
                                                        @Context SecurityContext security) {
        return feedback.reportOutcome(identifier, Caller.of(security).agentId(), request)
                .map(report -> RestResponse.status(RestResponse.Status.CREATED, report));
    }

    @POST
    @Path("/{identifier}/vote")
    public Uni<VoteResult> vote(@PathParam("identifier") String identifier,
                                @Valid @NotNull(message = "is required") VoteRequest request,
                                @Context SecurityContext security) {
        return feedback.vote(identifier, Caller.of(security).agentId(), request);
    }

    private static UUID callerOrNull(SecurityContext security) {
        return Caller.optional(security).map(Caller::agentId).orElse(null);
    }
}
