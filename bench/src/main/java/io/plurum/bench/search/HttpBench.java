package io.plurum.bench.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.plurum.platform.json.Json;

/**
 * Speed at the HTTP edge: {@code POST /experiences/search} against a running search-service (on this machine
 * only), one client, then several at once. Argument as key=value: url (http://127.0.0.1:8084), threads (2),
 * seconds (20). Queries are the relevance set's queries and goals, each made unique with a number (as most real
 * queries are, so the service embeds every one); one run repeats queries it has seen, whose vectors it keeps.
 */
public final class HttpBench {

    /** A long-running service has compiled its search path; 500 requests left a fresh one visibly colder. */
    private static final int WARMUP = 3000;
    private static final int TIMED = 2000;

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SpeedBench.options(args);
        URI uri = URI.create(options.getOrDefault("url", "http://127.0.0.1:8084") + "/experiences/search");
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        Dataset data = Dataset.load();
        List<String> queries = new ArrayList<>();
        data.queries().forEach(q -> queries.add(q.query()));
        data.experiences().values().forEach(e -> queries.add(e.goal()));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        for (int i = 0; i < WARMUP; i++) {
            post(client, uri, body(queries, -1 - i));
        }
        long[] distinct = new long[TIMED];
        long[] repeated = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long t0 = System.nanoTime();
            post(client, uri, body(queries, i));
            long t1 = System.nanoTime();
            post(client, uri, body(queries, i));
            repeated[i] = System.nanoTime() - t1;
            distinct[i] = t1 - t0;
        }
        System.out.printf("HTTP, one client, distinct queries: p50 %.2f ms, p99 %.2f ms%n",
                SpeedBench.pct(distinct, 50), SpeedBench.pct(distinct, 99));
        System.out.printf("HTTP, one client, repeated queries: p50 %.2f ms, p99 %.2f ms%n",
                SpeedBench.pct(repeated, 50), SpeedBench.pct(repeated, 99));
        HttpRequest live = HttpRequest.newBuilder(uri.resolve("/q/health/live")).build();
        long[] floor = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long t0 = System.nanoTime();
            client.send(live, HttpResponse.BodyHandlers.discarding());
            floor[i] = System.nanoTime() - t0;
        }
        System.out.printf("HTTP floor (GET /q/health/live, same client): p50 %.2f ms, p99 %.2f ms%n",
                SpeedBench.pct(floor, 50), SpeedBench.pct(floor, 99));

        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> samples = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<long[]>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = 1_000_000 * (t + 1);
                clients.add(pool.submit(() -> {
                    long[] own = new long[200_000];
                    int n = 0;
                    while (System.nanoTime() < deadline && n < own.length) {
                        long t0 = System.nanoTime();
                        post(client, uri, body(queries, offset + n));
                        own[n++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(own, n);
                }));
            }
            for (Future<long[]> c : clients) {
                samples.add(c.get());
            }
        }
        long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
        System.out.printf("HTTP, %d clients for %d s, distinct queries: %.0f searches/s, p50 %.2f ms, p99 %.2f ms%n",
                threads, seconds, all.length / (double) seconds, SpeedBench.pct(all, 50), SpeedBench.pct(all, 99));
    }

    private static String body(List<String> queries, int n) {
        return Json.write(Map.of("query", SpeedBench.distinct(queries, n)));
    }

    private static void post(HttpClient client, URI uri, String body) throws Exception {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search answered " + response.statusCode());
        }
    }
}
