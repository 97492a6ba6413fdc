package io.plurum.search.event;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;
import io.plurum.search.index.SearchIndex;
import io.plurum.search.ranking.HybridSearcher;
import io.plurum.search.ranking.RankingSettings;
import io.plurum.search.service.QueryVectors;
import io.plurum.search.service.SearchService;

/** An in-memory index fed the way the topic feed feeds it, and a search service over it, for unit tests. */
public final class IndexFixture implements AutoCloseable {

    public static final EmbeddingModel MODEL = EmbeddingModels.load(EmbeddingModels.DEFAULT);

    private final SearchIndex index;
    private final IndexUpdater updater;
    private final SearchService service;

    public IndexFixture() throws IOException {
        this(false);
    }

    /** {@code quantized}: int8 HNSW vectors, as {@code plurum.search.quantize-vectors} configures them. */
    public IndexFixture(boolean quantized) throws IOException {
        this.index = SearchIndex.inMemory(MODEL.id(), quantized);
        this.updater = new IndexUpdater(index, MODEL);
        this.service = new SearchService(index, new QueryVectors(MODEL, ForkJoinPool.commonPool()),
                new HybridSearcher(RankingSettings.DEFAULT, quantized, ForkJoinPool.commonPool()));
    }

    public IndexFixture add(ExperienceState... states) throws IOException {
        for (ExperienceState state : states) {
            updater.applyExperience(state.id().toString(), experienceEvent(state));
        }
        index.refresh();
        return this;
    }

    public SearchIndex index() {
        return index;
    }

    public SearchService service() {
        return service;
    }

    public List<String> goals(String query) {
        return service.search(query, null, null, null, 10, null).items().stream()
                .map(r -> r.experience().goal()).toList();
    }

    public static String experienceEvent(ExperienceState state) {
        return Json.write(EventEnvelope.of(EventType.EXPERIENCE_STATE, "experiences-service", state.id().toString(),
                Json.tree(state)));
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
