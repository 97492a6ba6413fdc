package io.plurum.search.rest;

import java.util.List;

import io.plurum.search.service.ExperienceResult;

/** The answer to a search: the query as asked, the ranked results, and how many candidates matched. */
public record SearchResponse(String query, List<ExperienceResult> results, int totalFound) {
}
