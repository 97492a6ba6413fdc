package io.plurum.search.rest;

import java.util.List;

import io.plurum.platform.auth.PublicEndpoint;
import io.plurum.search.service.SearchService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * Matching for a session that just opened, called by sessions-service. Internal: the gateway does not route
 * {@code /internal}, so it needs no key; the agent it answers for is named in the body.
 */
@Path("/internal/sessions/matches")
@PublicEndpoint
public class MatchResource {

    static final int LIMIT = 5;

    private final SearchService search;

    public MatchResource(SearchService search) {
        this.search = search;
    }

    @POST
    public MatchResponse matches(@Valid @NotNull MatchRequest request) {
        List<String> tools = request.toolsUsed() == null ? List.of() : request.toolsUsed();
        float[] vector = search.embed(request.topic());
        return new MatchResponse(
                search.matchingExperiences(request.topic(), tools, request.agentId(), LIMIT, vector).items(),
                search.activeSessions(request.topic(), tools, request.agentId(), LIMIT, vector));
    }
}
