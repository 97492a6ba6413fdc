package io.plurum.bench;

import java.util.Arrays;

/** Latency percentiles of a sample, in milliseconds. */
public record Percentiles(int count, double p50, double p90, double p99, double max) {

    public static Percentiles ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(sorted.length, millis(sorted, 0.50), millis(sorted, 0.90), millis(sorted, 0.99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** Nearest-rank percentile. */
    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    public String row(String label) {
        return String.format("| %-52s | %7d | %7.2f | %7.2f | %7.2f | %7.2f |", label, count, p50, p90, p99, max);
    }

    public static String header() {
        return String.format("| %-52s | %7s | %7s | %7s | %7s | %7s |%n|%s|%s|%s|%s|%s|%s|", "measure (ms)", "n", "p50",
                "p90", "p99", "max", "-".repeat(54), "-".repeat(9), "-".repeat(9), "-".repeat(9), "-".repeat(9),
                "-".repeat(9));
    }
}
