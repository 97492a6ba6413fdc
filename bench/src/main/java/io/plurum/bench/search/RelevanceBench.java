package io.plurum.bench.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.lucene.search.IndexSearcher;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.json.Json;
import io.plurum.search.event.IndexUpdater;
import io.plurum.search.index.Documents;
import io.plurum.search.index.SearchIndex;
import io.plurum.search.ranking.Filters;
import io.plurum.search.ranking.HybridSearcher;
import io.plurum.search.ranking.HybridSearcher.Mode;
import io.plurum.search.ranking.RankingSettings;
import io.plurum.search.ranking.Retrieval;

/**
 * Relevance of keyword, vector and hybrid ranking on the committed data set, per embedding model, plus the hybrid
 * variants that justify the default weights. Experiences are indexed through the same updater as the topic feed.
 * Prints Markdown tables; arguments: model ids (default: every model Plurum knows).
 */
public final class RelevanceBench {

    private static final List<Variant> HYBRID_VARIANTS = List.of(
            new Variant("hybrid, RRF k=30 (default)", RankingSettings.DEFAULT),
            new Variant("hybrid, RRF k=10", with(RankingSettings.DEFAULT, 10, 1.0, 1.0)),
            new Variant("hybrid, RRF k=60", with(RankingSettings.DEFAULT, 60, 1.0, 1.0)),
            new Variant("hybrid, keyword weight 0.5", with(RankingSettings.DEFAULT, 30, 0.5, 1.0)),
            new Variant("hybrid, vector weight 0.5", with(RankingSettings.DEFAULT, 30, 1.0, 0.5)),
            new Variant("hybrid, no similarity floor", new RankingSettings(30, 100, 1.0, 1.0, 0.1, 0.05, -1)),
            new Variant("hybrid, 50 candidates per retriever", new RankingSettings(30, 50, 1.0, 1.0, 0.1, 0.05,
                    0.25)),
            new Variant("hybrid, 20 candidates per retriever", new RankingSettings(30, 20, 1.0, 1.0, 0.1, 0.05,
                    0.25)));

    private RelevanceBench() {
    }

    public static void main(String[] args) throws IOException {
        Dataset data = Dataset.load();
        List<String> models = List.of(args).stream().filter(a -> !a.isBlank()).toList();
        System.out.printf("Relevance set: %d experiences, %d queries%n%n", data.experiences().size(),
                data.queries().size());
        for (String modelId : models.isEmpty() ? EmbeddingModels.IDS : models) {
            EmbeddingModel model = EmbeddingModels.load(modelId);
            try (SearchIndex index = SearchIndex.inMemory(model.id(), false)) {
                long started = System.nanoTime();
                IndexUpdater updater = new IndexUpdater(index, model);
                for (ExperienceState state : data.experiences().values()) {
                    updater.applyExperience(state.id().toString(), Json.write(EventEnvelope.of(
                            EventType.EXPERIENCE_STATE, "bench", state.id().toString(), Json.tree(state))));
                }
                index.refresh();
                System.out.printf("### %s (indexed in %d ms)%n%n", model, (System.nanoTime() - started) / 1_000_000);
                System.out.println("| ranking                            | R@1   | R@5   | MRR@10 | nDCG@10 |");
                System.out.println("|------------------------------------|-------|-------|--------|---------|");
                List<float[]> vectors = data.queries().stream().map(q -> model.embed(q.query())).toList();
                HybridSearcher defaults = new HybridSearcher(RankingSettings.DEFAULT, false, Runnable::run);
                System.out.println(evaluate(index, data, vectors, defaults, Mode.KEYWORD).row("BM25 alone"));
                System.out.println(evaluate(index, data, vectors, defaults, Mode.VECTOR).row("vectors alone"));
                for (Variant variant : HYBRID_VARIANTS) {
                    HybridSearcher searcher = new HybridSearcher(variant.settings(), false, Runnable::run);
                    System.out.println(evaluate(index, data, vectors, searcher, Mode.HYBRID).row(variant.label()));
                }
                System.out.println();
                misses(index, data, vectors, defaults);
            }
        }
    }

    private static Metrics evaluate(SearchIndex index, Dataset data, List<float[]> vectors, HybridSearcher searcher,
                                    Mode mode) throws IOException {
        List<List<String>> rankings = new ArrayList<>();
        List<Set<String>> answers = new ArrayList<>();
        for (int q = 0; q < data.queries().size(); q++) {
            rankings.add(top10(index, data, data.queries().get(q).query(), vectors.get(q), searcher, mode));
            answers.add(data.queries().get(q).answers());
        }
        return Metrics.of(rankings, answers);
    }

    /** The queries whose answer hybrid ranking does not put in the top 5: what to look at when tuning. */
    private static void misses(SearchIndex index, Dataset data, List<float[]> vectors, HybridSearcher searcher)
            throws IOException {
        for (int q = 0; q < data.queries().size(); q++) {
            Dataset.Query query = data.queries().get(q);
            List<String> top = top10(index, data, query.query(), vectors.get(q), searcher, Mode.HYBRID);
            if (top.stream().limit(5).noneMatch(query.answers()::contains)) {
                System.out.printf("miss: \"%s\" wants %s, got %s%n", query.query(), query.answers(),
                        top.stream().limit(3).toList());
            }
        }
        System.out.println();
    }

    private static List<String> top10(SearchIndex index, Dataset data, String text, float[] vector,
                                      HybridSearcher searcher, Mode mode) throws IOException {
        Retrieval retrieval = new Retrieval(text, vector, List.of(), Filters.visibleExperiences(null, null, null,
                null), 10);
        return index.search(s -> keys(s, data, searcher.search(s, retrieval, mode).hits()));
    }

    private static List<String> keys(IndexSearcher searcher, Dataset data, List<io.plurum.search.ranking.Hit> hits)
            throws IOException {
        List<String> keys = new ArrayList<>();
        for (var hit : hits) {
            keys.add(data.keyOf(Documents.experienceCard(searcher, hit.doc()).id()));
        }
        return keys;
    }

    private static RankingSettings with(RankingSettings s, int k, double keywordWeight, double vectorWeight) {
        return new RankingSettings(k, s.candidates(), keywordWeight, vectorWeight, s.toolsWeight(), s.qualityWeight(),
                s.minSimilarity());
    }

    private record Variant(String label, RankingSettings settings) {
    }
}
