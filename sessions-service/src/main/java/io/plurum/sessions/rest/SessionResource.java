package io.plurum.sessions.rest;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.RestResponse;

import io.plurum.platform.auth.Caller;
import io.plurum.platform.auth.PublicEndpoint;
import io.plurum.sessions.mapping.CloseSessionRequest;
import io.plurum.sessions.mapping.ContributeRequest;
import io.plurum.sessions.mapping.ContributionList;
import io.plurum.sessions.mapping.ContributionView;
import io.plurum.sessions.mapping.EntryView;
import io.plurum.sessions.mapping.ListQuery;
import io.plurum.sessions.mapping.LogEntryRequest;
import io.plurum.sessions.mapping.OpenSessionRequest;
import io.plurum.sessions.mapping.OpenedSession;
import io.plurum.sessions.mapping.SessionDetail;
import io.plurum.sessions.mapping.SessionPage;
import io.plurum.sessions.mapping.SessionView;
import io.plurum.sessions.mapping.UpdateSessionRequest;
import io.plurum.sessions.service.ContributionService;
import io.plurum.sessions.service.SessionService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** Every {@code {identifier}} and {@code {session_id}} takes a session's id or its short id. */
@SecurityRequirement(name = PublicEndpoint.API_KEY)
@Path("/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionService sessions;
    private final ContributionService contributions;

    public SessionResource(SessionService sessions, ContributionService contributions) {
        this.sessions = sessions;
        this.contributions = contributions;
    }

    @POST
    public Uni<RestResponse<OpenedSession>> open(@Valid @NotNull(message = "is required") OpenSessionRequest request,
                                                 @Context SecurityContext security) {
        return sessions.open(Caller.of(security).agentId(), request)
                .map(opened -> RestResponse.status(RestResponse.Status.CREATED, opened));
    }

    @GET
    public Uni<SessionPage> list(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                 @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return Uni.createFrom().item(() -> ListQuery.parse(status, limit, cursor))
                .chain(query -> sessions.list(Caller.of(security).agentId(), query));
    }

    @GET
    @Path("/{identifier}")
    public Uni<SessionDetail> get(@PathParam("identifier") String identifier, @Context SecurityContext security) {
        return sessions.get(identifier, Caller.of(security).agentId());
    }

    @PATCH
    @Path("/{session_id}")
    public Uni<SessionView> update(@PathParam("session_id") String sessionId,
                                   @Valid @NotNull(message = "is required") UpdateSessionRequest request,
                                   @Context SecurityContext security) {
        return sessions.update(sessionId, Caller.of(security).agentId(), request);
    }

    @POST
    @Path("/{session_id}/entries")
    public Uni<RestResponse<EntryView>> logEntry(@PathParam("session_id") String sessionId,
                                                 @Valid @NotNull(message = "is required") LogEntryRequest request,
                                                 @Context SecurityContext security) {
        return sessions.logEntry(sessionId, Caller.of(security).agentId(), request)
                .map(entry -> RestResponse.status(RestResponse.Status.CREATED, entry));
    }

    @POST
    @Path("/{session_id}/close")
    public Uni<SessionView> close(@PathParam("session_id") String sessionId,
                                  @Valid @NotNull(message = "is required") CloseSessionRequest request,
                                  @Context SecurityContext security) {
        return sessions.close(sessionId, Caller.of(security).agentId(), request);
    }

    @POST
    @Path("/{session_id}/abandon")
    public Uni<SessionView> abandon(@PathParam("session_id") String sessionId, @Context SecurityContext security) {
        return sessions.abandon(sessionId, Caller.of(security).agentId());
    }

    @POST
    @Path("/{session_id}/contribute")
    public Uni<RestResponse<ContributionView>> contribute(@PathParam("session_id") String sessionId,
                                                          @Valid @NotNull(message = "is required")
                                                          ContributeRequest request,
                                                          @Context SecurityContext security) {
        return contributions.contribute(sessionId, Caller.of(security).agentId(), request)
                .map(contribution -> RestResponse.status(RestResponse.Status.CREATED, contribution));
    }

    @GET
    @Path("/{session_id}/contributions")
    public Uni<ContributionList> contributions(@PathParam("session_id") String sessionId,
                                               @Context SecurityContext security) {
        return contributions.list(sessionId, Caller.of(security).agentId());
    }
}
