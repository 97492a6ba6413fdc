package io.plurum.search.ranking;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.lucene.search.Query;

/**
 * One search: the text for keyword matching, its vector (completing to null: keywords only; still being computed
 * while keyword retrieval runs, for a query), the tools to boost, the filter every result must pass, and how many
 * results to return.
 */
public record Retrieval(String text, CompletableFuture<float[]> vector, List<String> tools, Query filter,
                        int limit) {

    public Retrieval {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }

    /** A retrieval whose vector is known already. */
    public Retrieval(String text, float[] vector, List<String> tools, Query filter, int limit) {
        this(text, CompletableFuture.completedFuture(vector), tools, filter, limit);
    }
}
