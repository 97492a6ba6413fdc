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
 * seconds (20). Queries are the relevance set's queries and goals.
 */
public final class HttpBench {

    private static final int WARMUP = 500;
    private static final int TIMED = 2000;

    private HttpBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SpeedBench.options(args);
        URI uri = URI.create(options.getOrDefault("url", "http://127.0.0.1:8084") + "/experiences/search");
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        Dataset data = Dataset.load();
        List<String> bodies = new ArrayList<>();
        data.queries().forEach(q -> bodies.add(Json.write(Map.of("query", q.query()))));
        data.experiences().values().forEach(e -> bodies.add(Json.write(Map.of("query", e.goal()))));
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

        for (int i = 0; i < WARMUP; i++) {
            post(client, uri, bodies.get(i % bodies.size()));
        }
        long[] times = new long[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long t0 = System.nanoTime();
            post(client, uri, bodies.get(i % bodies.size()));
            times[i] = System.nanoTime() - t0;
        }
        System.out.printf("HTTP, one client: p50 %.2f ms, p99 %.2f ms%n", SpeedBench.pct(times, 50),
                SpeedBench.pct(times, 99));

        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<long[]> samples = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<long[]>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 997;
                clients.add(pool.submit(() -> {
                    long[] own = new long[200_000];
                    int n = 0;
                    while (System.nanoTime() < deadline && n < own.length) {
                        long t0 = System.nanoTime();
                        post(client, uri, bodies.get((offset + n) % bodies.size()));
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
        System.out.printf("HTTP, %d clients for %d s: %.0f searches/s, p50 %.2f ms, p99 %.2f ms%n", threads, seconds,
                all.length / (double) seconds, SpeedBench.pct(all, 50), SpeedBench.pct(all, 99));
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
