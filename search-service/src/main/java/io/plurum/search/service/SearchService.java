package io.plurum.search.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import io.plurum.platform.errors.PlurumException;
import io.plurum.search.index.Documents;
import io.plurum.search.index.ExperienceCard;
import io.plurum.search.index.Fields;
import io.plurum.search.index.SearchIndex;
import io.plurum.search.index.SessionCard;
import io.plurum.search.ranking.Filters;
import io.plurum.search.ranking.Hit;
import io.plurum.search.ranking.HybridSearcher;
import io.plurum.search.ranking.Ranked;
import io.plurum.search.ranking.Retrieval;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Search, similar experiences and session matching over the replica's index. Blocking and CPU-bound (query
 * embedding about 2 ms, beside keyword retrieval about as long): callers run it on worker threads.
 */
@ApplicationScoped
public class SearchService {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final SearchIndex index;
    private final QueryVectors vectors;
    private final HybridSearcher searcher;

    public SearchService(SearchIndex index, QueryVectors vectors, HybridSearcher searcher) {
        this.index = index;
        this.vectors = vectors;
        this.searcher = searcher;
    }

    /** Experiences for a query; {@code viewer} (null: anonymous) also sees their own private ones. */
    public Results<ExperienceResult> search(String query, String domain, List<String> tools, Double minQuality,
                                            int limit, UUID viewer) {
        Retrieval retrieval = new Retrieval(query, vectors.embed(query), tools,
                Filters.visibleExperiences(idOf(viewer), domain, minQuality, null), limit);
        return read(s -> experiences(s, searcher.search(s, retrieval)));
    }

    /** Experiences like the one named by id or short id, itself excluded; 404 when the viewer cannot see it. */
    public Results<ExperienceResult> similar(String identifier, int limit, UUID viewer) {
        return read(s -> {
            Query visible = Filters.visibleExperiences(idOf(viewer), null, null, null);
            Query named = new BooleanQuery.Builder().add(identifierQuery(identifier), Occur.MUST)
                    .add(visible, Occur.FILTER).build();
            ScoreDoc[] found = s.search(named, 1).scoreDocs;
            if (found.length == 0) {
                throw new PlurumException.NotFound("No experience " + identifier + ".");
            }
            ExperienceCard origin = Documents.experienceCard(s, found[0].doc);
            Retrieval retrieval = new Retrieval(origin.goal(), Documents.vector(s, found[0].doc), origin.toolsUsed(),
                    Filters.visibleExperiences(idOf(viewer), null, null, origin.id().toString()), limit);
            return experiences(s, searcher.search(s, retrieval));
        });
    }

    /** Experiences that may help a new session, as its owner may see them. */
    public Results<ExperienceResult> matchingExperiences(String topic, List<String> tools, UUID agentId, int limit,
                                                         float[] vector) {
        Retrieval retrieval = new Retrieval(topic, vector, tools,
                Filters.visibleExperiences(idOf(agentId), null, null, null), limit);
        return read(s -> experiences(s, searcher.search(s, retrieval)));
    }

    /**
     * Open public sessions of other agents on the same problem. Only vector neighbours above the relevance floor
     * count: a shared word alone (say "setup") does not make two sessions worth introducing to each other.
     */
    public List<SessionResult> activeSessions(String topic, List<String> tools, UUID agentId, int limit,
                                              float[] vector) {
        Retrieval retrieval = new Retrieval(topic, vector, tools, Filters.openSessionsOfOthers(idOf(agentId)),
                limit);
        return read(s -> {
            List<SessionResult> sessions = new ArrayList<>();
            for (Hit hit : searcher.search(s, retrieval, HybridSearcher.Mode.VECTOR).hits()) {
                SessionCard card = Documents.sessionCard(s, hit.doc());
                sessions.add(new SessionResult(card, round(hit.similarity())));
            }
            return sessions;
        });
    }

    public float[] embed(String text) {
        return vectors.embed(text).join();
    }

    private Results<ExperienceResult> experiences(IndexSearcher s, Ranked ranked) throws IOException {
        List<ExperienceResult> results = new ArrayList<>(ranked.hits().size());
        for (Hit hit : ranked.hits()) {
            ExperienceCard card = Documents.experienceCard(s, hit.doc());
            results.add(new ExperienceResult(card, round(hit.similarity()), hit.score()));
        }
        return new Results<>(results, ranked.totalFound());
    }

    private static Query identifierQuery(String identifier) {
        String field = UUID_FORM.matcher(identifier).matches() ? Fields.ID : Fields.SHORT_ID;
        String value = field.equals(Fields.ID) ? identifier.toLowerCase() : identifier;
        return new TermQuery(new Term(field, value));
    }

    private static String idOf(UUID agentId) {
        return agentId == null ? null : agentId.toString();
    }

    private static double round(float similarity) {
        return Math.round(similarity * 10_000) / 10_000.0;
    }

    private <T> T read(SearchIndex.SearcherFunction<T> function) {
        try {
            return index.search(function);
        } catch (IOException e) {
            throw new UncheckedIOException("search index unreadable", e);
        }
    }
}
