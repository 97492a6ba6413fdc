package io.plurum.search.ranking;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.NumericUtils;
import org.apache.lucene.util.QueryBuilder;

import io.plurum.platform.embeddings.Vectors;
import io.plurum.search.index.Documents;
import io.plurum.search.index.Fields;
import io.plurum.search.index.SearchIndex;

/**
 * Hybrid retrieval: BM25 over the text fields and HNSW over the vectors, each under the same filter, fused by
 * {@link Fusion}. {@link Mode#KEYWORD} and {@link Mode#VECTOR} run one retriever alone, for the relevance bench.
 */
public final class HybridSearcher {

    public enum Mode { HYBRID, KEYWORD, VECTOR }

    private final RankingSettings settings;
    private final Fusion fusion;
    private final QueryBuilder queries = new QueryBuilder(SearchIndex.analyzer());

    public HybridSearcher(RankingSettings settings) {
        this.settings = settings;
        this.fusion = new Fusion(settings);
    }

    public Ranked search(IndexSearcher searcher, Retrieval retrieval) throws IOException {
        return search(searcher, retrieval, Mode.HYBRID);
    }

    public Ranked search(IndexSearcher searcher, Retrieval retrieval, Mode mode) throws IOException {
        Map<Integer, int[]> ranks = new LinkedHashMap<>();
        Map<Integer, Float> cosines = new LinkedHashMap<>();
        if (mode != Mode.VECTOR) {
            Query keywords = keywordQuery(retrieval.text());
            if (keywords != null) {
                Query query = new BooleanQuery.Builder().add(keywords, Occur.MUST)
                        .add(retrieval.filter(), Occur.FILTER).build();
                ScoreDoc[] top = searcher.search(query, settings.candidates()).scoreDocs;
                for (int i = 0; i < top.length; i++) {
                    ranks.computeIfAbsent(top[i].doc, d -> new int[2])[0] = i + 1;
                }
            }
        }
        if (mode != Mode.KEYWORD && retrieval.vector() != null) {
            var knn = new KnnFloatVectorQuery(Fields.VECTOR, retrieval.vector(), settings.candidates(),
                    retrieval.filter());
            int rank = 0;
            for (ScoreDoc hit : searcher.search(knn, settings.candidates()).scoreDocs) {
                float cosine = 2 * hit.score - 1;
                if (cosine >= settings.minSimilarity()) {
                    ranks.computeIfAbsent(hit.doc, d -> new int[2])[1] = ++rank;
                    cosines.put(hit.doc, cosine);
                }
            }
        }
        Set<String> tools = new HashSet<>(retrieval.tools().stream().map(SearchIndex::normalizeLabel).toList());
        List<Hit> hits = new ArrayList<>(ranks.size());
        for (Candidate candidate : candidates(searcher, ranks, cosines, tools)) {
            hits.add(new Hit(candidate.doc(), fusion.score(candidate), candidate.cosine()));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparingInt(Hit::doc));
        List<Hit> best = new ArrayList<>(Math.min(retrieval.limit(), hits.size()));
        for (Hit hit : hits.subList(0, Math.min(retrieval.limit(), hits.size()))) {
            best.add(Float.isNaN(hit.similarity()) ? withExactSimilarity(searcher, hit, retrieval.vector()) : hit);
        }
        return new Ranked(best, hits.size());
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

    private static Hit withExactSimilarity(IndexSearcher searcher, Hit hit, float[] query) throws IOException {
        float[] vector = query == null ? null : Documents.vector(searcher, hit.doc());
        return new Hit(hit.doc(), hit.score(), vector == null ? 0f : Vectors.cosine(query, vector));
    }

    /**
     * Quality and tool overlap of each candidate, read from doc values leaf by leaf in doc order (the only order
     * their iterators allow).
     */
    private static List<Candidate> candidates(IndexSearcher searcher, Map<Integer, int[]> ranks,
                                              Map<Integer, Float> cosines, Set<String> tools) throws IOException {
        List<Integer> docs = new ArrayList<>(ranks.keySet());
        docs.sort(null);
        List<Candidate> candidates = new ArrayList<>(docs.size());
        LeafReaderContext leaf = null;
        SortedNumericDocValues quality = null;
        SortedSetDocValues toolValues = null;
        for (int doc : docs) {
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = Documents.leaf(searcher, doc);
                quality = DocValues.getSortedNumeric(leaf.reader(), Fields.QUALITY);
                toolValues = DocValues.getSortedSet(leaf.reader(), Fields.TOOL);
            }
            int local = doc - leaf.docBase;
            double score = quality.advanceExact(local) ? NumericUtils.sortableLongToDouble(quality.nextValue()) : 0;
            int[] rank = ranks.get(doc);
            candidates.add(new Candidate(doc, rank[0], rank[1], cosines.getOrDefault(doc, Float.NaN), score,
                    toolOverlap(toolValues, local, tools)));
        }
        return candidates;
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
}
