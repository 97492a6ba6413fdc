package io.plurum.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.search.index.ExperienceCounters;
import io.plurum.search.index.IndexEntry;
import io.plurum.search.index.SearchIndex;

/**
 * What counter-only updates cost at a refresh: builds an on-disk index of N synthetic experiences (see
 * {@link SyntheticCorpus}), then, for 1, 10 and 100 experiences picked at random over the whole index, times
 * {@link SearchIndex#updateCounters} of each plus the {@link SearchIndex#refresh} that makes them searchable, and
 * sums the files that refresh added to the directory (Lucene writes each updated doc-values field of every segment
 * that holds an updated document as a new generation). Arguments as key=value: size (200000), rounds (20 per count,
 * after 5 of warm-up), dir (a temporary directory, deleted afterwards unless given), build (true; false measures the
 * index a kept dir holds already).
 */
public final class CounterUpdateBench {

    private static final int WARMUP = 5;
    private static final int[] COUNTS = {1, 10, 100};

    private CounterUpdateBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SpeedBench.options(args);
        int size = Integer.parseInt(options.getOrDefault("size", "200000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "20"));
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("plurum-bench");

        EmbeddingModel model = EmbeddingModels.load(EmbeddingModels.DEFAULT);
        SyntheticCorpus corpus = new SyntheticCorpus(Dataset.load(), model);
        System.out.printf("size=%d rounds=%d cores=%d dir=%s%n", size, rounds,
                Runtime.getRuntime().availableProcessors(), dir);
        try (SearchIndex index = SearchIndex.open(dir, model.id(), false)) {
            if (Boolean.parseBoolean(options.getOrDefault("build", "true"))) {
                SpeedBench.build(index, corpus, size, 2);
            }
            List<Integer> segments = index.search(s -> s.getIndexReader().leaves().stream()
                    .map(leaf -> leaf.reader().maxDoc()).toList());
            System.out.printf("segments (docs each): %s, index %.1f MB%n", segments, index.sizeInBytes() / 1e6);
            Random random = new Random(42);
            for (int count : COUNTS) {
                long[] nanos = new long[rounds];
                long[] bytes = new long[rounds];
                for (int round = -WARMUP; round < rounds; round++) {
                    List<IndexEntry> updates = new ArrayList<>();
                    for (int i = 0; i < count; i++) {
                        updates.add(withQuality(corpus.document(random.nextInt(size)).entry(), random.nextDouble()));
                    }
                    Set<String> before = files(dir);
                    long started = System.nanoTime();
                    for (IndexEntry update : updates) {
                        index.updateCounters(update);
                    }
                    index.refresh();
                    long took = System.nanoTime() - started;
                    if (round >= 0) {
                        nanos[round] = took;
                        bytes[round] = addedBytes(dir, before);
                    }
                }
                Arrays.sort(bytes);
                System.out.printf("%3d counter updates + refresh: p50 %.1f ms, max %.1f ms; written p50 %.1f MB, "
                                + "max %.1f MB%n", count, SpeedBench.pct(nanos, 50), SpeedBench.pct(nanos, 100),
                        bytes[rounds / 2] / 1e6, bytes[rounds - 1] / 1e6);
            }
            System.out.printf("index %.1f MB after the updates%n", index.sizeInBytes() / 1e6);
        } finally {
            if (!options.containsKey("dir")) {
                SpeedBench.deleteTree(dir);
            }
        }
    }

    /** The entry with another quality, and another state hash: what an outcome or a vote changes. */
    private static IndexEntry withQuality(IndexEntry e, double quality) {
        ExperienceCounters c = e.counters();
        return new IndexEntry(e.kind(), e.id(), e.shortId(), e.agentId(), e.status(), e.visibility(), e.domain(),
                e.tools(), e.text(), e.card(), new ExperienceCounters(quality, c.successRate(), c.totalReports() + 1,
                c.successCount() + 1, c.failureCount(), c.upvotes(), c.downvotes(), c.acquisitions(),
                c.updatedAt()), e.stateHash() ^ Double.doubleToLongBits(quality));
    }

    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new HashSet<>(files.map(f -> f.getFileName().toString()).toList());
        }
    }

    /** Bytes of the files the directory holds now and did not before (new doc-values generations, segments). */
    private static long addedBytes(Path dir, Set<String> before) throws IOException {
        long total = 0;
        for (String file : files(dir)) {
            if (!before.contains(file)) {
                try {
                    total += Files.size(dir.resolve(file));
                } catch (IOException e) {
                    // Deleted again before it was measured: a file of a merge, not of this refresh.
                }
            }
        }
        return total;
    }
}
