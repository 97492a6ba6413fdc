package io.plurum.search.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.util.NumericUtils;
import org.apache.lucene.util.QueryBuilder;

import io.plurum.platform.embeddings.Vectors;
import io.plurum.search.index.Documents;
import io.plurum.search.index.Fields;
import io.plurum.search.index.SearchIndex;

/**
 * Hybrid retrieval: BM25 over the text fields and HNSW over the vectors, each under the same filter, fused by
 * {@link Fusion}. {@link Mode#KEYWORD} and {@link Mode#VECTOR} run one retriever alone, for the relevance bench.
 *
 * <p>Replicas index the same records in different orders (a replay reads partition after partition, a live feed
 * interleaves them), so Lucene doc ids differ between replicas and must never decide a rank: a tie within either
 * retriever goes to the smaller experience id, and after fusion to the stronger raw evidence, then the smaller id.
 */
public final class HybridSearcher {

    public enum Mode { HYBRID, KEYWORD, VECTOR }

    private static final Sort BY_SCORE_THEN_ID =
            new Sort(SortField.FIELD_SCORE, new SortedSetSortField(Fields.ID, false));
    private static final ScoreDoc[] NONE = new ScoreDoc[0];
    private static final int QUANTIZED_OVERSAMPLING = 8;
    /**
     * Equal fused scores are common (ranks 3 and 5 score as 5 and 3): the tie goes to the stronger raw evidence, the
     * cosine plus the BM25 score relative to the best keyword match; then to the smaller id.
     */
    private static final Comparator<Found> BY_FUSED_SCORE = Comparator.comparingDouble((Found f) -> f.score)
            .thenComparingDouble(f -> f.evidence).reversed()
            .thenComparing(Found::id);

    private final RankingSettings settings;
    private final boolean quantizedVectors;
    private final Executor executor;
    private final Fusion fusion;
    private final QueryBuilder queries = new QueryBuilder(SearchIndex.analyzer());

    /**
     * {@code quantizedVectors}: the index holds int8 HNSW vectors, whose candidates are rescored exactly;
     * {@code executor} runs vector retrieval beside keyword retrieval.
     */
    public HybridSearcher(RankingSettings settings, boolean quantizedVectors, Executor executor) {
        this.settings = settings;
        this.quantizedVectors = quantizedVectors;
        this.executor = executor;
        this.fusion = new Fusion(settings);
    }

    public Ranked search(IndexSearcher searcher, Retrieval retrieval) throws IOException {
        return search(searcher, retrieval, Mode.HYBRID);
    }

    /**
     * Vector retrieval runs on the executor (once the query vector is there) while keyword retrieval runs on the
     * caller's thread: a query costs about the longer of the two branches, not their sum.
     */
    public Ranked search(IndexSearcher searcher, Retrieval retrieval, Mode mode) throws IOException {
        CompletableFuture<ScoreDoc[]> vectorHits = mode == Mode.KEYWORD ? CompletableFuture.completedFuture(NONE)
                : retrieval.vector().thenApplyAsync(v -> vectorHits(searcher, v, retrieval.filter()), executor);
        ScoreDoc[] keyword;
        try {
            keyword = mode == Mode.VECTOR ? NONE : keywordHits(searcher, retrieval);
        } finally {
            // The vector branch reads the same searcher, which the caller releases once this returns.
            vectorHits.exceptionally(failure -> NONE).join();
        }
        ScoreDoc[] vector = result(vectorHits);
        float[] queryVector = result(retrieval.vector());
        Set<String> tools = new HashSet<>(retrieval.tools().stream().map(SearchIndex::normalizeLabel).toList());
        List<Found> found = candidates(searcher, keyword, vector, tools);
        for (Found candidate : found) {
            candidate.score = fusion.score(candidate.candidate());
        }
        found.sort(BY_FUSED_SCORE);
        List<Hit> best = new ArrayList<>(Math.min(retrieval.limit(), found.size()));
        for (Found candidate : found.subList(0, Math.min(retrieval.limit(), found.size()))) {
            Hit hit = new Hit(candidate.doc, candidate.score, candidate.cosine);
            best.add(Float.isNaN(hit.similarity()) ? withExactSimilarity(searcher, hit, queryVector) : hit);
        }
        return new Ranked(best, found.size());
    }

    /**
     * The nearest {@code candidates} neighbours under the filter. With int8 vectors the graph's scores are
     * approximate and reorder close neighbours: the graph is asked for {@value #QUANTIZED_OVERSAMPLING} times as many,
     * which are rescored with the full-precision vectors Lucene keeps beside them, and the best kept. That restores
     * recall and makes every score an exact cosine, the same on every replica.
     */
    public Query vectorQuery(float[] vector, Query filter) {
        if (!quantizedVectors) {
            return new KnnFloatVectorQuery(Fields.VECTOR, vector, settings.candidates(), filter);
        }
        Query knn = new KnnFloatVectorQuery(Fields.VECTOR, vector, settings.candidates() * QUANTIZED_OVERSAMPLING,
                filter);
        return RescoreTopNQuery.createFullPrecisionRescorerQuery(knn, vector, Fields.VECTOR, settings.candidates());
    }

    /**
     * Each text field's BM25 term queries, weighted by {@link Fields#TEXT_BOOSTS}, as one flat disjunction: flat, the
     * top-k collector can skip documents whose best possible score cannot make the candidates (nested disjunctions
     * made keyword retrieval several times slower at 100k documents). Null when no word is left to match.
     */
    Query keywordQuery(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BooleanQuery.Builder terms = new BooleanQuery.Builder();
        int clauses = 0;
        for (var field : Fields.TEXT_BOOSTS.entrySet()) {
            Query query = queries.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            List<Query> parts = query instanceof BooleanQuery bool
                    ? bool.clauses().stream().map(BooleanClause::query).toList()
                    : query == null ? List.of() : List.of(query);
            for (Query part : parts) {
                terms.add(new BoostQuery(part, field.getValue()), Occur.SHOULD);
                clauses++;
            }
        }
        return clauses == 0 ? null : terms.build();
    }

    /**
     * The best keyword matches, sorted by score and id so that which of equal scores make the cut does not depend
     * on doc order. (Asking for one hit more and sorting only when equal scores straddle the cut was slower on the
     * synthetic 100k set, where they often do.)
     */
    private ScoreDoc[] keywordHits(IndexSearcher searcher, Retrieval retrieval) throws IOException {
        Query keywords = keywordQuery(retrieval.text());
        if (keywords == null) {
            return NONE;
        }
        Query query = new BooleanQuery.Builder().add(keywords, Occur.MUST)
                .add(retrieval.filter(), Occur.FILTER).build();
        return searcher.search(query, settings.candidates(), BY_SCORE_THEN_ID, false).scoreDocs;
    }

    /** The nearest neighbours at or above the similarity floor; ranked once their ids are known. */
    private ScoreDoc[] vectorHits(IndexSearcher searcher, float[] vector, Query filter) {
        if (vector == null) {
            return NONE;
        }
        try {
            ScoreDoc[] hits = searcher.search(vectorQuery(vector, filter), settings.candidates()).scoreDocs;
            return Arrays.stream(hits).filter(hit -> cosine(hit) >= settings.minSimilarity())
                    .toArray(ScoreDoc[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T result(CompletableFuture<T> future) throws IOException {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    /**
     * Every document either retriever found, with its quality and tool overlap read from doc values leaf by leaf in
     * doc order (the only order their iterators allow), its rank in each retriever, and its raw evidence: the cosine
     * plus the BM25 score relative to the best keyword match.
     */
    private static List<Found> candidates(IndexSearcher searcher, ScoreDoc[] keyword, ScoreDoc[] vector,
                                          Set<String> tools) throws IOException {
        Map<Integer, Found> found = new TreeMap<>();
        for (ScoreDoc hit : keyword) {
            Found doc = found.computeIfAbsent(hit.doc, Found::new);
            doc.keywordScore = keywordScore(hit);
            doc.evidence = doc.keywordScore / keywordScore(keyword[0]);
        }
        for (ScoreDoc hit : vector) {
            Found doc = found.computeIfAbsent(hit.doc, Found::new);
            doc.cosine = cosine(hit);
            doc.evidence += doc.cosine;
        }
        LeafReaderContext leaf = null;
        NumericDocValues quality = null;
        SortedSetDocValues toolValues = null;
        for (Found doc : found.values()) {
            if (leaf == null || doc.doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = Documents.leaf(searcher, doc.doc);
                quality = DocValues.getNumeric(leaf.reader(), Fields.QUALITY);
                toolValues = DocValues.getSortedSet(leaf.reader(), Fields.TOOL);
            }
            int local = doc.doc - leaf.docBase;
            doc.leaf = leaf;
            doc.quality = quality.advanceExact(local) ? NumericUtils.sortableLongToDouble(quality.longValue()) : 0;
            doc.toolOverlap = toolOverlap(toolValues, local, tools);
        }
        rank(found.values(), f -> f.keywordScore, (f, rank) -> f.keywordRank = rank);
        rank(found.values(), f -> f.cosine, (f, rank) -> f.vectorRank = rank);
        return new ArrayList<>(found.values());
    }

    /** Ranks from 1 by score, highest first, equal scores by id; candidates without a score (NaN) get none. */
    private static void rank(Collection<Found> found, ToDoubleFunction<Found> score, ObjIntConsumer<Found> rank) {
        List<Found> ranked = found.stream().filter(f -> !Double.isNaN(score.applyAsDouble(f)))
                .sorted(Comparator.comparingDouble(score).reversed().thenComparing(Found::id)).toList();
        for (int i = 0; i < ranked.size(); i++) {
            rank.accept(ranked.get(i), i + 1);
        }
    }

    private static float cosine(ScoreDoc hit) {
        return 2 * hit.score - 1;
    }

    /** The BM25 score of a keyword hit, which the sort by score and id keeps as its first sort value. */
    private static float keywordScore(ScoreDoc hit) {
        return (float) ((FieldDoc) hit).fields[0];
    }

    private static Hit withExactSimilarity(IndexSearcher searcher, Hit hit, float[] query) throws IOException {
        float[] vector = query == null ? null : Documents.vector(searcher, hit.doc());
        return new Hit(hit.doc(), hit.score(), vector == null ? 0f : Vectors.cosine(query, vector));
    }

    private static double toolOverlap(SortedSetDocValues values, int doc, Set<String> wanted) throws IOException {
        if (wanted.isEmpty() || !values.advanceExact(doc)) {
            return 0;
        }
        int matched = 0;
        for (int i = 0; i < values.docValueCount(); i++) {
            if (wanted.contains(values.lookupOrd(values.nextOrd()).utf8ToString())) {
                matched++;
            }
        }
        return (double) matched / wanted.size();
    }

    /** A candidate while its parts are gathered. */
    private static final class Found {
        final int doc;
        LeafReaderContext leaf;
        int keywordRank;
        int vectorRank;
        float keywordScore = Float.NaN;
        float cosine = Float.NaN;
        double quality;
        double toolOverlap;
        double evidence;
        double score;
        private String id;

        Found(int doc) {
            this.doc = doc;
        }

        Candidate candidate() {
            return new Candidate(doc, keywordRank, vectorRank, cosine, quality, toolOverlap);
        }

        /**
         * The experience id, read only when a tie needs it: looking a value up in the terms dictionary of doc values
         * costs microseconds, which for every candidate of every query added up to a millisecond.
         */
        String id() {
            if (id == null) {
                try {
                    SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), Fields.ID);
                    if (!ids.advanceExact(doc - leaf.docBase)) {
                        throw new IllegalStateException("document " + doc + " has no id");
                    }
                    id = ids.lookupOrd(ids.nextOrd()).utf8ToString();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return id;
        }
    }
}
