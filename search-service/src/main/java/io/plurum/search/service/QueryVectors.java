package io.plurum.search.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import io.plurum.platform.embeddings.EmbeddingModel;

/**
 * Query embeddings, the most recent few thousand kept. A miss is embedded on the search pool, so that the caller can
 * run keyword retrieval meanwhile; a repeat (the topic a session opened with and later searched for, a retry, the
 * same question from several agents) costs nothing.
 */
public final class QueryVectors {

    private static final int RECENT = 4096;

    private final EmbeddingModel model;
    private final Executor executor;
    private final Map<String, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > RECENT;
        }
    };

    public QueryVectors(EmbeddingModel model, Executor executor) {
        this.model = model;
        this.executor = executor;
    }

    /** The text's vector, shared: callers must not change it. */
    public CompletableFuture<float[]> embed(String text) {
        float[] known;
        synchronized (recent) {
            known = recent.get(text);
        }
        if (known != null) {
            return CompletableFuture.completedFuture(known);
        }
        return CompletableFuture.supplyAsync(() -> {
            float[] vector = model.embed(text);
            synchronized (recent) {
                recent.put(text, vector);
            }
            return vector;
        }, executor);
    }
}
