package io.plurum.experiences.domain;

/**
 * The quality score in [0,1]: the lower bound of the 95% Wilson interval of the success ratio over the evidence.
 * Outcome reports are evidence and count fully. Votes are opinion: {@code v} votes weigh {@code 5v / (v + 20)}
 * reports (a first vote about a quarter of one, all of them together less than five), so they lift or sink an
 * experience, each one a little less than the one before, but never outweigh what agents saw happen when they used
 * it. A lower bound ranks an experience with little evidence below a proven one, however perfect its few reports.
 * The README ("Quality score") has a worked example.
 */
public final class QualityScore {

    static final double Z = 1.96;
    /** What all votes together approach and never reach, in reports. */
    static final double MAX_VOTE_EVIDENCE = 5.0;
    /** How many votes make half of {@link #MAX_VOTE_EVIDENCE}. */
    static final double HALF_VOTES = 20.0;

    private QualityScore() {
    }

    public static double of(int successes, int reports, int upvotes, int downvotes) {
        if (successes < 0 || reports < successes || upvotes < 0 || downvotes < 0) {
            throw new IllegalArgumentException("impossible counts: " + successes + "/" + reports + ", "
                    + upvotes + " up, " + downvotes + " down");
        }
        // each vote a weak report: v votes weigh 5v / (v + 20) reports, the upvotes' share of it successes
        double perVote = MAX_VOTE_EVIDENCE / (upvotes + downvotes + HALF_VOTES);
        return wilsonLowerBound(successes + perVote * upvotes, reports + perVote * (upvotes + downvotes));
    }

    /** 0 without a success (exactly, where rounding would leave a trace); clamped for the same reason. */
    static double wilsonLowerBound(double positive, double total) {
        if (positive <= 0) {
            return 0;
        }
        double ratio = positive / total;
        double z2 = Z * Z;
        double centre = ratio + z2 / (2 * total);
        double margin = Z * Math.sqrt((ratio * (1 - ratio) + z2 / (4 * total)) / total);
        return Math.clamp((centre - margin) / (1 + z2 / total), 0.0, 1.0);
    }
}
