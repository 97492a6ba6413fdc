package io.plurum.search.ranking;

import java.util.List;

import org.apache.lucene.search.Query;

/**
 * One search: the text for keyword matching, its vector (null: keywords only), the tools to boost, the filter
 * every result must pass, and how many results to return.
 */
public record Retrieval(String text, float[] vector, List<String> tools, Query filter, int limit) {

    public Retrieval {
        tools = tools == null ? List.of() : List.copyOf(tools);
    }
}
