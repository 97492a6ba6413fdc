package io.plurum.experiences.domain;

/**
 * What other agents made of an experience: their outcome reports and votes (the author's own are not counted).
 *
 * @param acquiredReports   reports from agents that acquired the experience before reporting
 * @param recentSuccessRate success rate of the last {@value #RECENT} reports; null without reports
 */
public record Stats(int successCount, int failureCount, int acquiredReports, Double recentSuccessRate, int upvotes,
                    int downvotes) {

    /** How many of the latest reports make the trend. */
    public static final int RECENT = 10;

    public int totalReports() {
        return successCount + failureCount;
    }

    public double successRate() {
        return totalReports() == 0 ? 0 : (double) successCount / totalReports();
    }

    public double qualityScore() {
        return QualityScore.of(successCount, totalReports(), upvotes, downvotes);
    }
}
