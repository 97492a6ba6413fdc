package io.plurum.search.ranking;

/** A ranked result: the document, its fused score and its cosine similarity to the query vector. */
public record Hit(int doc, double score, float similarity) {
}
