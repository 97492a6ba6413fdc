package io.plurum.search.rest;

import java.util.List;

import io.plurum.search.service.ExperienceResult;

/** {@code GET /experiences/{identifier}/similar}. */
public record SimilarResponse(List<ExperienceResult> results) {
}
