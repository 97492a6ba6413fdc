package io.plurum.search.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;

import io.plurum.platform.auth.Caller;
import io.plurum.platform.auth.PublicEndpoint;
import io.plurum.search.service.Results;
import io.plurum.search.service.ExperienceResult;
import io.plurum.search.service.SearchService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** Public search endpoints; a valid key sent along adds the caller's own private experiences. */
@Path("/experiences")
@PublicEndpoint
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = PublicEndpoint.API_KEY))
public class SearchResource {

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @POST
    @Path("/search")
    public SearchResponse search(@Valid @NotNull SearchRequest request, @Context SecurityContext security) {
        Results<ExperienceResult> results = search.search(request.query(), request.domain(), request.tools(),
                request.minQuality(), request.limitOrDefault(), viewer(security));
        return new SearchResponse(request.query(), results.items(), results.totalFound());
    }

    @GET
    @Path("/{identifier}/similar")
    public SimilarResponse similar(@PathParam("identifier") String identifier,
                                   @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit,
                                   @Context SecurityContext security) {
        return new SimilarResponse(search.similar(identifier, limit, viewer(security)).items());
    }

    private static UUID viewer(SecurityContext security) {
        return Caller.optional(security).map(Caller::agentId).orElse(null);
    }
}
