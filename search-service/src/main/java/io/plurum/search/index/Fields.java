package io.plurum.search.index;

import java.util.Map;

/** Field names of the index, and how strongly each text field counts for keyword (BM25) matching. */
public final class Fields {

    public static final String ID = "id";
    public static final String SHORT_ID = "short_id";
    public static final String KIND = "kind";
    public static final String AGENT = "agent_id";
    public static final String STATUS = "status";
    public static final String VISIBILITY = "visibility";
    /** Lower-cased exact domain, for the filter. */
    public static final String DOMAIN = "domain";
    /** Lower-cased exact tool names, one value each, for the tools boost. */
    public static final String TOOL = "tool";
    /**
     * Quality score, as {@code NumericUtils.doubleToSortableLong} in numeric doc values: it changes with every outcome
     * and vote, and doc values can be updated in place where points could not. The other counters of the card are
     * numeric doc values too (see {@link CounterFields}).
     */
    public static final String QUALITY = "quality";
    public static final String SUCCESS_RATE = "success_rate";
    public static final String TOTAL_REPORTS = "total_reports";
    public static final String SUCCESS_COUNT = "success_count";
    public static final String FAILURE_COUNT = "failure_count";
    public static final String UPVOTES = "upvotes";
    public static final String DOWNVOTES = "downvotes";
    public static final String ACQUISITIONS = "acquisitions";
    public static final String UPDATED_AT = "updated_at";
    public static final String VECTOR = "vector";
    /** Hash of the text that was embedded: the stored vector is reused while it does not change. */
    public static final String TEXT_HASH = "text_hash";
    /** Hash of the whole state a record carried: a record whose state is indexed already changes nothing. */
    public static final String STATE_HASH = "state_hash";
    /**
     * Hash of everything indexed for search (terms, text, vector) and of the stored card: while it stays the same, a
     * new state is written as doc-values updates of the counters, which leave no deleted document behind to skew BM25
     * statistics.
     */
    public static final String CONTENT_HASH = "content_hash";
    /**
     * The stored result card (JSON): an experience's {@link ExperienceHeader}, completed by its counters when read, or
     * a whole {@link SessionCard}.
     */
    public static final String CARD = "card";

    public static final String GOAL = "goal";
    public static final String BREAKTHROUGHS = "breakthroughs";
    public static final String DEAD_ENDS = "dead_ends";
    public static final String GOTCHAS = "gotchas";
    public static final String ARTIFACTS = "artifacts";
    public static final String TOOLS_TEXT = "tools_text";
    public static final String DOMAIN_TEXT = "domain_text";

    /**
     * The goal says what the experience is about and counts most; insights and traps describe the same problem in
     * other words; tools and domain are short labels that would otherwise dominate through length normalisation.
     */
    public static final Map<String, Float> TEXT_BOOSTS = Map.of(
            GOAL, 3.0f,
            BREAKTHROUGHS, 1.5f,
            GOTCHAS, 1.2f,
            DEAD_ENDS, 1.0f,
            ARTIFACTS, 0.8f,
            TOOLS_TEXT, 1.0f,
            DOMAIN_TEXT, 0.5f);

    private Fields() {
    }
}
