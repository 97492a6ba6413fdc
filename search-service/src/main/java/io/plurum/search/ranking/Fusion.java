package io.plurum.search.ranking;

/** Reciprocal rank fusion with the tools boost and the quality prior; see {@link RankingSettings}. */
public final class Fusion {

    private final RankingSettings settings;

    public Fusion(RankingSettings settings) {
        this.settings = settings;
    }

    public double score(Candidate candidate) {
        double rrf = reciprocal(settings.keywordWeight(), candidate.keywordRank())
                + reciprocal(settings.vectorWeight(), candidate.vectorRank());
        return rrf * (1 + settings.toolsWeight() * candidate.toolOverlap()
                + settings.qualityWeight() * candidate.quality());
    }

    private double reciprocal(double weight, int rank) {
        return rank > 0 ? weight / (settings.rrfK() + rank) : 0;
    }
}
