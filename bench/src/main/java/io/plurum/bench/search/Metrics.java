package io.plurum.bench.search;

import java.util.List;
import java.util.Set;

/** Recall@1, Recall@5, MRR@10 and nDCG@10 (binary relevance), averaged over queries. */
record Metrics(double recallAt1, double recallAt5, double mrrAt10, double ndcgAt10) {

    static Metrics of(List<List<String>> rankings, List<Set<String>> answers) {
        double r1 = 0;
        double r5 = 0;
        double mrr = 0;
        double ndcg = 0;
        for (int q = 0; q < rankings.size(); q++) {
            List<String> ranked = rankings.get(q);
            Set<String> relevant = answers.get(q);
            r1 += recall(ranked, relevant, 1);
            r5 += recall(ranked, relevant, 5);
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                if (relevant.contains(ranked.get(i))) {
                    mrr += 1.0 / (i + 1);
                    break;
                }
            }
            double dcg = 0;
            for (int i = 0; i < Math.min(10, ranked.size()); i++) {
                if (relevant.contains(ranked.get(i))) {
                    dcg += 1 / log2(i + 2);
                }
            }
            double ideal = 0;
            for (int i = 0; i < Math.min(10, relevant.size()); i++) {
                ideal += 1 / log2(i + 2);
            }
            ndcg += dcg / ideal;
        }
        int n = rankings.size();
        return new Metrics(r1 / n, r5 / n, mrr / n, ndcg / n);
    }

    private static double recall(List<String> ranked, Set<String> relevant, int k) {
        long found = ranked.stream().limit(k).filter(relevant::contains).count();
        return (double) found / relevant.size();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    String row(String label) {
        return String.format("| %-34s | %.3f | %.3f | %.3f | %.3f |", label, recallAt1, recallAt5, mrrAt10, ndcgAt10);
    }
}
