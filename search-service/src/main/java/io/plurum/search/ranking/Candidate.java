package io.plurum.search.ranking;

/**
 * A document found by at least one retriever. Ranks start at 1; 0 means that retriever did not find it.
 * {@code cosine} is NaN when only keyword search found it.
 */
public record Candidate(int doc, int keywordRank, int vectorRank, float cosine, double quality, double toolOverlap) {
}
