package io.plurum.sessions.client;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** search-service's internal matching; only {@link SessionMatcher} calls it, behind its fault tolerance. */
@RegisterRestClient(configKey = "search")
@Path("/internal/sessions/matches")
interface SearchClient {

    @POST
    Uni<MatchResponse> matches(MatchRequest request);
}
