package io.plurum.search.service;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.plurum.search.index.ExperienceCard;

/** One search result: the experience's card, its cosine similarity to the query and its fused ranking score. */
public record ExperienceResult(@JsonUnwrapped ExperienceCard experience, double similarity, double combinedScore) {
}
