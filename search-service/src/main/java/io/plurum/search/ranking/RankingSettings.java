package io.plurum.search.ranking;

/**
 * The weights of hybrid ranking. A candidate's score is
 *
 * <pre>
 *   rrf   = keywordWeight / (rrfK + keywordRank) + vectorWeight / (rrfK + vectorRank)   (a missing rank adds 0)
 *   score = rrf * (1 + toolsWeight * toolOverlap + qualityWeight * quality)
 * </pre>
 *
 * where ranks start at 1 within the {@code candidates} best of each retriever, {@code toolOverlap} is the share of
 * the requested tools the experience used, and {@code quality} is its quality score in [0,1]. The quality prior is
 * deliberately small: at 0.05 it breaks near-ties in favour of proven experiences but cannot lift a result ranked
 * 10th by both retrievers over one ranked 1st by both (2/40 * 1.05 < 2/31). Vector candidates below
 * {@code minSimilarity} cosine are dropped, so an unrelated query does not return the nearest nonsense.
 * bench/SEARCH-RESULTS.md has the measurements behind the defaults (rrfK 30 was best of 10/30/60 there, by one or two
 * queries of 94).
 */
public record RankingSettings(int rrfK, int candidates, double keywordWeight, double vectorWeight, double toolsWeight,
                              double qualityWeight, double minSimilarity) {

    public static final RankingSettings DEFAULT = new RankingSettings(30, 100, 1.0, 1.0, 0.1, 0.05, 0.25);

    public RankingSettings {
        if (rrfK < 1 || candidates < 1) {
            throw new IllegalArgumentException("rrfK and candidates must be positive");
        }
    }
}
