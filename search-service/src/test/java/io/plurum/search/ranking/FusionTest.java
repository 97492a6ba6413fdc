package io.plurum.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class FusionTest {

    private final Fusion fusion = new Fusion(RankingSettings.DEFAULT);

    @Test
    void shouldRankADocumentBothRetrieversFoundAboveOneFoundByEither() {
        double both = fusion.score(new Candidate(1, 3, 3, 0.6f, 0, 0));
        double keywordOnly = fusion.score(new Candidate(2, 1, 0, Float.NaN, 0, 0));
        double vectorOnly = fusion.score(new Candidate(3, 0, 1, 0.9f, 0, 0));

        assertThat(both).isGreaterThan(keywordOnly).isGreaterThan(vectorOnly);
    }

    @Test
    void shouldFollowTheDocumentedReciprocalRankFormula() {
        assertThat(fusion.score(new Candidate(1, 1, 2, 0.5f, 0, 0))).isEqualTo(1.0 / 31 + 1.0 / 32);
        assertThat(fusion.score(new Candidate(1, 1, 2, 0.5f, 1, 1)))
                .isCloseTo((1.0 / 31 + 1.0 / 32) * 1.15, offset(1e-12));
    }

    @Test
    void shouldLetQualityBreakTiesButNotOverturnClearRelevance() {
        double proven = fusion.score(new Candidate(1, 5, 5, 0.5f, 1.0, 0));
        double untested = fusion.score(new Candidate(2, 5, 5, 0.5f, 0.0, 0));
        double provenButFar = fusion.score(new Candidate(3, 10, 10, 0.4f, 1.0, 0));
        double bestButUntested = fusion.score(new Candidate(4, 1, 1, 0.9f, 0.0, 0));

        assertThat(proven).isGreaterThan(untested);
        assertThat(bestButUntested).isGreaterThan(provenButFar);
    }

    @Test
    void shouldBoostTheShareOfRequestedToolsUsed() {
        double allTools = fusion.score(new Candidate(1, 4, 4, 0.5f, 0, 1.0));
        double halfTools = fusion.score(new Candidate(2, 4, 4, 0.5f, 0, 0.5));
        double noTools = fusion.score(new Candidate(3, 4, 4, 0.5f, 0, 0));

        assertThat(allTools).isGreaterThan(halfTools).isGreaterThan(noTools);
    }
}
