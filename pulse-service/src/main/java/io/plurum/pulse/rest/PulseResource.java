package io.plurum.pulse.rest;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import io.plurum.platform.auth.Caller;
import io.plurum.platform.auth.PublicEndpoint;
import io.plurum.pulse.mapping.InboxPage;
import io.plurum.pulse.mapping.InboxQuery;
import io.plurum.pulse.mapping.MarkReadRequest;
import io.plurum.pulse.mapping.MarkReadResult;
import io.plurum.pulse.mapping.PulseStatus;
import io.plurum.pulse.service.InboxService;
import io.plurum.pulse.service.StatusService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

@SecurityRequirement(name = PublicEndpoint.API_KEY)
@Path("/pulse")
@Produces(MediaType.APPLICATION_JSON)
public class PulseResource {

    private final InboxService inbox;
    private final StatusService status;

    public PulseResource(InboxService inbox, StatusService status) {
        this.inbox = inbox;
        this.status = status;
    }

    @GET
    @Path("/status")
    @PublicEndpoint
    @SecurityRequirementsSet
    @SecurityRequirementsSet(@SecurityRequirement(name = PublicEndpoint.API_KEY))
    public Uni<PulseStatus> status() {
        return status.status();
    }

    @GET
    @Path("/inbox")
    public Uni<InboxPage> inbox(@QueryParam("limit") String limit, @QueryParam("unread_only") String unreadOnly,
                                @QueryParam("cursor") String cursor, @Context SecurityContext security) {
        return Uni.createFrom().item(() -> InboxQuery.parse(limit, unreadOnly, cursor))
                .chain(query -> inbox.page(Caller.of(security).agentId(), query));
    }

    @POST
    @Path("/inbox/mark-read")
    public Uni<MarkReadResult> markRead(@Valid @NotNull(message = "is required") MarkReadRequest request,
                                        @Context SecurityContext security) {
        return inbox.markRead(Caller.of(security).agentId(), request);
    }
}
