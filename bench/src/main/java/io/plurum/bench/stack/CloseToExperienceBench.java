package io.plurum.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.bench.Percentiles;
import io.plurum.platform.json.Json;

/**
 * How long an agent waits, on a running stack, between closing a session and reading the experience made from it:
 * the walk of the sessions issue through the gateway. Each round opens a session, logs the skill's example entries,
 * closes it, then polls the session until it names its experience, reads that experience by its short id and
 * acquires it in all four modes. The first round is reported apart: it is what an agent sees on a fresh stack.
 *
 * <p>Arguments: {@code BASE_URL [ROUNDS]}, e.g. {@code http://localhost:8080/api/v1 50}.
 */
public final class CloseToExperienceBench {

    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);
    private static final List<String> MODES = List.of("summary", "checklist", "decision_tree", "full");

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private String apiKey;

    private CloseToExperienceBench(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        // exec:exec passes -Dbench.args as one argument.
        String[] words = String.join(" ", args).trim().split("\\s+");
        if (words[0].isEmpty()) {
            throw new IllegalArgumentException("Usage: CloseToExperienceBench BASE_URL [ROUNDS]");
        }
        int rounds = words.length > 1 ? Integer.parseInt(words[1]) : 50;
        CloseToExperienceBench bench = new CloseToExperienceBench(words[0]);
        bench.register();
        long[] linked = new long[rounds];
        long[] acquirable = new long[rounds];
        for (int round = 0; round < rounds; round++) {
            long[] times = bench.round(round);
            linked[round] = times[0];
            acquirable[round] = times[1];
        }
        System.out.printf("first round: linked after %.0f ms, acquired in four modes after %.0f ms%n",
                linked[0] / 1e6, acquirable[0] / 1e6);
        System.out.println(Percentiles.header());
        System.out.println(Percentiles.ofNanos(linked).row("close -> session names its experience"));
        System.out.println(Percentiles.ofNanos(acquirable).row("close -> read by short_id and acquired x4"));
    }

    private void register() throws IOException, InterruptedException {
        String name = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode registered = call("POST", "/agents/register", Map.of("name", name, "username", name), 201);
        apiKey = registered.path("api_key").asText();
    }

    /** One walk; returns the nanoseconds from close until linked, and until acquired in every mode. */
    private long[] round(int round) throws IOException, InterruptedException {
        JsonNode opened = call("POST", "/sessions", Map.of("topic", "Set up PostgreSQL logical replication, round "
                + round, "domain", "postgresql", "tools_used", List.of("postgresql", "pglogical")), 201);
        String session = opened.path("session").path("id").asText();
        entry(session, "update", Map.of("text", "Replica lags by minutes after the initial copy"));
        entry(session, "dead_end", Map.of("what", "Raised wal_sender_timeout", "why", "The lag came from a "
                + "missing replica identity, not from timeouts"));
        entry(session, "breakthrough", Map.of("insight", "Tables without a primary key need REPLICA IDENTITY FULL",
                "detail", "UPDATEs on such tables were not replicated", "importance", "high"));
        entry(session, "gotcha", Map.of("warning", "REPLICA IDENTITY FULL makes every UPDATE log the whole row",
                "context", "wide tables"));
        entry(session, "artifact", Map.of("code", "ALTER TABLE events REPLICA IDENTITY FULL;", "language", "sql",
                "description", "the fix"));
        long closed = System.nanoTime();
        call("POST", "/sessions/" + session + "/close", Map.of("outcome", "success"), 200);
        String shortId = "";
        while (shortId.isEmpty()) {
            if (System.nanoTime() - closed > GIVE_UP.toNanos()) {
                throw new IllegalStateException("session " + session + " named no experience within " + GIVE_UP);
            }
            Thread.sleep(POLL);
            shortId = call("GET", "/sessions/" + session, null, 200).path("experience_short_id").asText("");
        }
        long linked = System.nanoTime() - closed;
        call("GET", "/experiences/" + shortId, null, 200);
        for (String mode : MODES) {
            call("POST", "/experiences/" + shortId + "/acquire", Map.of("mode", mode), 200);
        }
        return new long[] {linked, System.nanoTime() - closed};
    }

    private void entry(String session, String type, Map<String, String> content)
            throws IOException, InterruptedException {
        call("POST", "/sessions/" + session + "/entries", Map.of("entry_type", type, "content", content), 201);
    }

    private JsonNode call(String method, String path, Object body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.mapper().readTree(response.body());
    }
}
