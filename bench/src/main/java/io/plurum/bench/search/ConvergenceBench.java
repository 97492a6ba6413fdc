package io.plurum.bench.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
import io.plurum.search.ranking.RankingSettings;
import io.plurum.search.ranking.Retrieval;

/**
 * Do two replicas rank alike? Feeds the relevance set's experiences, then a quality change for every fifth and a
 * tombstone for every seventeenth, into a "live" index refreshed after every record (as a running replica sees them)
 * and into a "replay" index that reads them partition after partition (3 partitions by key, as a new replica does),
 * then counts the queries whose results differ: as built, with only the live index merged down (its deleted documents
 * gone from BM25 statistics), and with both merged. Quality changes are doc-values updates that leave no deleted
 * document behind; a tombstone still leaves one in a live index's older segment until a merge drops it.
 */
public final class ConvergenceBench {

    private static final int PARTITIONS = 3;

    private ConvergenceBench() {
    }

    public static void main(String[] args) throws IOException {
        Dataset data = Dataset.load();
        EmbeddingModel model = EmbeddingModels.load(EmbeddingModels.DEFAULT);
        List<Record> records = records(data);
        List<Record> byPartition = new ArrayList<>(records);
        byPartition.sort(Comparator.comparingInt(r -> Math.floorMod(r.key().hashCode(), PARTITIONS)));
        List<float[]> vectors = data.queries().stream().map(q -> model.embed(q.query())).toList();
        HybridSearcher searcher = new HybridSearcher(RankingSettings.DEFAULT, false, Runnable::run);
        try (SearchIndex live = SearchIndex.inMemory(model.id(), false);
             SearchIndex replay = SearchIndex.inMemory(model.id(), false)) {
            IndexUpdater liveUpdater = new IndexUpdater(live, model);
            for (Record record : records) {
                liveUpdater.applyExperience(record.key(), record.value());
                live.refresh();
            }
            IndexUpdater replayUpdater = new IndexUpdater(replay, model);
            for (Record record : byPartition) {
                replayUpdater.applyExperience(record.key(), record.value());
            }
            replay.refresh();
            System.out.printf("%d records, %d queries; queries whose results differ (top 10 in order / top 10 as a"
                    + " set / first result):%n", records.size(), vectors.size());
            System.out.printf("  as built (live %d segments, %d deleted documents; replay %d, %d): %s%n",
                    segments(live), deleted(live), segments(replay), deleted(replay),
                    compare(live, replay, data, vectors, searcher));
            live.forceMerge(1);
            System.out.printf("  live merged, replay not: %s%n", compare(live, replay, data, vectors, searcher));
            replay.forceMerge(1);
            System.out.printf("  both merged: %s%n", compare(live, replay, data, vectors, searcher));
        }
    }

    private static List<Record> records(Dataset data) {
        List<ExperienceState> states = List.copyOf(data.experiences().values());
        List<Record> records = new ArrayList<>();
        states.forEach(state -> records.add(Record.of(state)));
        for (int i = 0; i < states.size(); i++) {
            if (i % 5 == 0) {
                ObjectNode changed = (ObjectNode) Json.tree(states.get(i));
                changed.put("quality_score", 0.9);
                records.add(Record.of(Json.convert(changed, ExperienceState.class)));
            }
            if (i % 17 == 0) {
                records.add(new Record(states.get(i).id().toString(), null));
            }
        }
        return records;
    }

    private static String compare(SearchIndex a, SearchIndex b, Dataset data, List<float[]> vectors,
                                  HybridSearcher searcher) throws IOException {
        int order = 0;
        int set = 0;
        int first = 0;
        for (int q = 0; q < vectors.size(); q++) {
            Retrieval retrieval = new Retrieval(data.queries().get(q).query(), vectors.get(q), List.of(),
                    Filters.visibleExperiences(null, null, null, null), 10);
            List<String> left = top10(a, searcher, retrieval);
            List<String> right = top10(b, searcher, retrieval);
            order += left.equals(right) ? 0 : 1;
            set += new HashSet<>(left).equals(new HashSet<>(right)) ? 0 : 1;
            first += left.isEmpty() || right.isEmpty() || left.getFirst().equals(right.getFirst()) ? 0 : 1;
        }
        return order + " / " + set + " / " + first;
    }

    private static List<String> top10(SearchIndex index, HybridSearcher searcher, Retrieval retrieval)
            throws IOException {
        return index.search(s -> {
            List<String> cards = new ArrayList<>();
            for (var hit : searcher.search(s, retrieval).hits()) {
                cards.add(Json.write(Documents.experienceCard(s, hit.doc())));
            }
            return cards;
        });
    }

    private static int deleted(SearchIndex index) throws IOException {
        return index.search(s -> s.getIndexReader().numDeletedDocs());
    }

    private static int segments(SearchIndex index) throws IOException {
        return index.search(s -> s.getIndexReader().leaves().size());
    }

    private record Record(String key, String value) {
        static Record of(ExperienceState state) {
            String id = state.id().toString();
            return new Record(id, Json.write(EventEnvelope.of(EventType.EXPERIENCE_STATE, "bench", id,
                    Json.tree(state))));
        }
    }
}
