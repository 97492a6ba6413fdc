package io.plurum.search.ranking;

import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.NumericUtils;

import io.plurum.search.index.Fields;
import io.plurum.search.index.Kind;
import io.plurum.search.index.SearchIndex;

/**
 * Who may see what, as Lucene filters. They run inside both retrievers (the HNSW walk only visits documents that
 * pass), so a filter never leaves a result list short the way filtering after the search would.
 */
public final class Filters {

    private Filters() {
    }

    /**
     * Published experiences that are public, or private to {@code viewer} (null: nobody signed in), optionally of
     * one domain, with at least {@code minQuality}, without {@code excludedId}.
     */
    public static Query visibleExperiences(String viewer, String domain, Double minQuality, String excludedId) {
        BooleanQuery.Builder visibility = new BooleanQuery.Builder()
                .add(term(Fields.VISIBILITY, "public"), Occur.SHOULD);
        if (viewer != null) {
            visibility.add(term(Fields.AGENT, viewer), Occur.SHOULD);
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(term(Fields.KIND, Kind.EXPERIENCE.value()), Occur.FILTER)
                .add(term(Fields.STATUS, "published"), Occur.FILTER)
                .add(visibility.build(), Occur.FILTER);
        if (domain != null && !domain.isBlank()) {
            filter.add(term(Fields.DOMAIN, SearchIndex.normalizeLabel(domain)), Occur.FILTER);
        }
        if (minQuality != null && minQuality > 0) {
            // Quality lives in updatable doc values only: checked per document the other clauses let through.
            filter.add(NumericDocValuesField.newSlowRangeQuery(Fields.QUALITY,
                    NumericUtils.doubleToSortableLong(minQuality), Long.MAX_VALUE), Occur.FILTER);
        }
        if (excludedId != null) {
            filter.add(term(Fields.ID, excludedId), Occur.MUST_NOT);
        }
        return filter.build();
    }

    /** Open public sessions of every agent but {@code agentId}. */
    public static Query openSessionsOfOthers(String agentId) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(term(Fields.KIND, Kind.SESSION.value()), Occur.FILTER)
                .add(term(Fields.STATUS, "open"), Occur.FILTER)
                .add(term(Fields.VISIBILITY, "public"), Occur.FILTER);
        if (agentId != null) {
            filter.add(term(Fields.AGENT, agentId), Occur.MUST_NOT);
        }
        return filter.build();
    }

    private static Query term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }
}
