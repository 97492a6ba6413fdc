package io.plurum.experiences.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QualityScoreTest {

    @Test
    void shouldRankANewExperienceBelowOneWithTwentySuccessesOutOfTwenty() {
        assertThat(QualityScore.of(0, 0, 0, 0)).isZero();
        assertThat(QualityScore.of(20, 20, 0, 0)).isCloseTo(0.8389, within(1e-4));
        assertThat(QualityScore.of(1, 1, 0, 0)).isLessThan(QualityScore.of(20, 20, 0, 0));
    }

    @Test
    void shouldMatchTheWorkedExampleOfQualityMd() {
        assertThat(QualityScore.of(8, 10, 6, 2)).isCloseTo(0.5039, within(1e-4));
        assertThat(QualityScore.of(8, 10, 0, 0)).isCloseTo(0.4902, within(1e-4));
        assertThat(QualityScore.of(8, 10, 6, 0)).isCloseTo(0.5277, within(1e-4));
        assertThat(QualityScore.of(8, 10, 0, 2)).isCloseTo(0.4630, within(1e-4));
    }

    @Test
    void shouldGrowWithEvidenceAtTheSameRatio() {
        assertThat(QualityScore.of(1, 1, 0, 0)).isCloseTo(0.2065, within(1e-4));
        assertThat(QualityScore.of(5, 5, 0, 0)).isCloseTo(0.5655, within(1e-4));
        assertThat(QualityScore.of(10, 10, 0, 0)).isCloseTo(0.7225, within(1e-4));
    }

    @Test
    void shouldLowerTheScoreWithEveryDownvoteAndRaiseItWithEveryUpvote() {
        for (int[] reports : new int[][] {{20, 20}, {8, 10}, {1, 3}, {0, 0}}) {
            for (int up = 0; up <= 60; up++) {
                for (int down = 0; down <= 60; down++) {
                    double score = QualityScore.of(reports[0], reports[1], up, down);
                    double oneMoreDown = QualityScore.of(reports[0], reports[1], up, down + 1);
                    double oneMoreUp = QualityScore.of(reports[0], reports[1], up + 1, down);
                    if (score > 0) {
                        assertThat(oneMoreDown).as("%d/%d, %d up, %d+1 down", reports[0], reports[1], up, down)
                                .isLessThan(score);
                    } else {
                        assertThat(oneMoreDown).isZero();
                    }
                    assertThat(oneMoreUp).as("%d/%d, %d+1 up, %d down", reports[0], reports[1], up, down)
                            .isGreaterThan(score);
                }
            }
        }
    }

    @Test
    void shouldNeverLetVotesOutweighWhatReportsShow() {
        assertThat(QualityScore.of(0, 0, 100_000, 0)).isLessThan(QualityScore.of(5, 5, 0, 0))
                .isLessThan(QualityScore.of(10, 10, 0, 0));
        assertThat(QualityScore.of(0, 10, 200, 0)).isLessThan(0.14);
        assertThat(QualityScore.of(0, 0, 0, 4)).isZero();
    }

    @Test
    void shouldStayWithinZeroAndOne() {
        for (int reports = 0; reports <= 60; reports += 3) {
            for (int successes = 0; successes <= reports; successes++) {
                for (int votes : new int[] {0, 1, 7, 40, 500}) {
                    for (int up = 0; up <= votes; up += Math.max(1, votes / 5)) {
                        assertThat(QualityScore.of(successes, reports, up, votes - up)).isBetween(0.0, 1.0);
                    }
                }
            }
        }
        assertThat(QualityScore.of(100_000, 100_000, 0, 0)).isBetween(0.9999, 1.0);
    }

    @Test
    void shouldRefuseImpossibleCounts() {
        assertThatThrownBy(() -> QualityScore.of(3, 2, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QualityScore.of(0, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
