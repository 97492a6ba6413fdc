package io.plurum.bench.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.lucene.search.ScoreDoc;

import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.platform.embeddings.Vectors;
import io.plurum.search.index.Documents;
import io.plurum.search.index.SearchIndex;
import io.plurum.search.ranking.Filters;
import io.plurum.search.ranking.HybridSearcher;
import io.plurum.search.ranking.RankingSettings;
import io.plurum.search.ranking.Retrieval;
import io.plurum.search.service.QueryVectors;
import io.plurum.search.service.SearchService;

/**
 * Speed at the index API: builds an on-disk index of N synthetic experiences (see {@link SyntheticCorpus}) with the
 * service's own {@link SearchIndex}, then times {@link SearchService#search} (query embedding, hybrid retrieval and
 * result cards: everything but HTTP) on one thread and the throughput of several, and checks HNSW recall@10 against
 * exact search. Arguments as key=value: size (100000), threads (2), seconds (20), quantized (false), merge (force
 * merge to that many segments before measuring; default: as built), dir (a temporary directory, deleted afterwards
 * unless given), build (true; false measures the index a kept dir holds already).
 */
public final class SpeedBench {

    private static final int WARMUP = 500;
    private static final int TIMED = 2000;
    private static final int RECALL_QUERIES = 100;

    private SpeedBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int size = Integer.parseInt(options.getOrDefault("size", "100000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        boolean quantized = Boolean.parseBoolean(options.getOrDefault("quantized", "false"));
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir")) : Files.createTempDirectory("plurum-bench");

        Dataset data = Dataset.load();
        EmbeddingModel model = EmbeddingModels.load(EmbeddingModels.DEFAULT);
        SyntheticCorpus corpus = new SyntheticCorpus(data, model);
        System.out.printf("size=%d threads=%d quantized=%s cores=%d dir=%s%n", size, threads, quantized,
                Runtime.getRuntime().availableProcessors(), dir);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Thread.ofPlatform().daemon().factory());
        try (SearchIndex index = SearchIndex.open(dir, model.id(), quantized)) {
            if (Boolean.parseBoolean(options.getOrDefault("build", "true"))) {
                build(index, corpus, size, threads);
            }
            HybridSearcher searcher = new HybridSearcher(RankingSettings.DEFAULT, quantized, pool);
            SearchService service = new SearchService(index, new QueryVectors(model, pool), searcher);
            List<String> queries = corpus.queryTexts(data);
            if (options.containsKey("merge")) {
                long merging = System.nanoTime();
                index.forceMerge(Integer.parseInt(options.get("merge")));
                System.out.printf("force-merged in %.1f s%n", (System.nanoTime() - merging) / 1e9);
            }
            int segments = index.search(s -> s.getIndexReader().leaves().size());
            System.out.printf("segments: %d%n", segments);
            breakdown(index, model, searcher, queries);
            latency(service, model, queries);
            throughput(service, queries, threads, seconds);
            recall(index, searcher, corpus, model, queries, size);
            System.out.printf("index size %.1f MB, RSS %d MB, heap used %d MB%n", index.sizeInBytes() / 1e6,
                    rssMb("self"), (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        } finally {
            pool.shutdownNow();
            if (!options.containsKey("dir")) {
                deleteTree(dir);
            }
        }
    }

    static void build(SearchIndex index, SyntheticCorpus corpus, int size, int threads) throws Exception {
        long started = System.nanoTime();
        AtomicLong next = new AtomicLong();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                writers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < size; i = next.getAndIncrement()) {
                        SyntheticCorpus.Document doc = corpus.document(i);
                        index.upsert(doc.entry(), doc.vector());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }
        index.commit();
        index.refresh();
        double secs = (System.nanoTime() - started) / 1e9;
        System.out.printf("build: %d documents in %.1f s = %.0f docs/s (%d writer threads, vectors given, commit "
                + "included)%n", size, secs, size / secs, threads);
    }

    /** Retrieval alone per mode, query vectors computed beforehand. */
    private static void breakdown(SearchIndex index, EmbeddingModel model, HybridSearcher searcher,
                                  List<String> queries) throws IOException {
        List<float[]> vectors = queries.stream().map(model::embed).toList();
        for (HybridSearcher.Mode mode : HybridSearcher.Mode.values()) {
            long[] times = new long[TIMED];
            for (int i = -WARMUP; i < TIMED; i++) {
                int q = Math.floorMod(i, queries.size());
                Retrieval retrieval = new Retrieval(queries.get(q), vectors.get(q), List.of(),
                        Filters.visibleExperiences(null, null, null, null), 10);
                long t0 = System.nanoTime();
                index.search(s -> searcher.search(s, retrieval, mode));
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                }
            }
            System.out.printf("retrieval only, %s: p50 %.2f ms, p99 %.2f ms%n", mode, pct(times, 50), pct(times, 99));
        }
    }

    /**
     * One client. Distinct queries (each text made unique, as most real ones are) miss the query-vector cache and
     * pay for embedding; repeated ones hit it.
     */
    private static void latency(SearchService service, EmbeddingModel model, List<String> queries) {
        for (int i = 0; i < WARMUP; i++) {
            service.search(distinct(queries, -1 - i), null, null, null, 10, null);
        }
        long[] embed = new long[TIMED];
        long[] distinct = new long[TIMED];
        long[] repeated = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long t0 = System.nanoTime();
            model.embed(distinct(queries, TIMED + i));
            long t1 = System.nanoTime();
            service.search(distinct(queries, i), null, null, null, 10, null);
            long t2 = System.nanoTime();
            service.search(distinct(queries, i), null, null, null, 10, null);
            long t3 = System.nanoTime();
            embed[i] = t1 - t0;
            distinct[i] = t2 - t1;
            repeated[i] = t3 - t2;
        }
        System.out.printf("one client, distinct queries (embedded): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                pct(distinct, 50), pct(distinct, 99), pct(distinct, 100));
        System.out.printf("one client, repeated queries (cached vector): p50 %.2f ms, p99 %.2f ms%n",
                pct(repeated, 50), pct(repeated, 99));
        System.out.printf("query embedding alone: p50 %.2f ms, p99 %.2f ms%n", pct(embed, 50), pct(embed, 99));
    }

    /** Query number {@code n}: one of the set, with a number that makes the text unique. */
    static String distinct(List<String> queries, int n) {
        return queries.get(Math.floorMod(n, queries.size())) + " (" + n + ")";
    }

    private static void throughput(SearchService service, List<String> queries, int threads, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<long[]> samples = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<long[]>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = 1_000_000 * (t + 1);
                clients.add(pool.submit(() -> {
                    long[] times = new long[200_000];
                    int n = 0;
                    while (System.nanoTime() < deadline && n < times.length) {
                        long t0 = System.nanoTime();
                        service.search(distinct(queries, offset + n), null, null, null, 10, null);
                        times[n++] = System.nanoTime() - t0;
                        done.incrementAndGet();
                    }
                    return Arrays.copyOf(times, n);
                }));
            }
            for (Future<long[]> client : clients) {
                samples.add(client.get());
            }
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
        System.out.printf("%d clients for %d s, distinct queries: %.0f searches/s, p50 %.2f ms, p99 %.2f ms%n",
                threads, seconds, done.get() / (double) seconds, pct(all, 50), pct(all, 99));
    }

    /** HNSW as the service asks it (k=100, rescored when quantized, top 10 kept) against brute force. */
    private static void recall(SearchIndex index, HybridSearcher searcher, SyntheticCorpus corpus,
                               EmbeddingModel model, List<String> queries, int size) throws IOException {
        float[][] vectors = new float[size][];
        for (int i = 0; i < size; i++) {
            vectors[i] = corpus.document(i).vector();
        }
        double found = 0;
        for (int q = 0; q < RECALL_QUERIES; q++) {
            float[] query = model.embed(queries.get(q * 3 % queries.size()));
            Set<Long> exact = exactTop10(vectors, query);
            Set<Long> approximate = index.search(s -> {
                ScoreDoc[] top = s.search(searcher.vectorQuery(query, Filters.visibleExperiences(null, null, null,
                        null)), 10).scoreDocs;
                Set<Long> ids = new HashSet<>();
                for (ScoreDoc hit : top) {
                    ids.add(Documents.experienceCard(s, hit.doc).id().getLeastSignificantBits());
                }
                return ids;
            });
            approximate.retainAll(exact);
            found += approximate.size() / 10.0;
        }
        System.out.printf("HNSW recall@10 vs exact search: %.3f over %d queries%n", found / RECALL_QUERIES,
                RECALL_QUERIES);
    }

    private static Set<Long> exactTop10(float[][] vectors, float[] query) {
        long[] best = new long[10];
        float[] scores = new float[10];
        Arrays.fill(scores, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < vectors.length; i++) {
            float score = Vectors.cosine(query, vectors[i]);
            if (score > scores[9]) {
                int at = 9;
                while (at > 0 && scores[at - 1] < score) {
                    scores[at] = scores[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                scores[at] = score;
                best[at] = i;
            }
        }
        Set<Long> ids = new HashSet<>();
        for (long id : best) {
            ids.add(id);
        }
        return ids;
    }

    static double pct(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int at = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, at)] / 1e6;
    }

    /** Resident memory of a process ({@code self}: this one). */
    static long rssMb(String pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
            }
        }
        return -1;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            for (String option : arg.trim().split("\\s+")) {
                int eq = option.indexOf('=');
                if (eq > 0) {
                    options.put(option.substring(0, eq), option.substring(eq + 1));
                }
            }
        }
        return options;
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
