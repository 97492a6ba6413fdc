package io.plurum.bench.pulse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plurum.bench.Percentiles;
import io.plurum.platform.auth.ApiKeys;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.ids.Ids;
import io.plurum.platform.json.Json;

/**
 * The pulse service's speed on this machine: one replica holding {@code --connections} WebSocket connections, of
 * which {@code --interested} agents worked on the tool that every benchmark session opens with; the time from a
 * session.opened written to Kafka to its push reaching each interested agent; the time to read an inbox holding
 * {@code --inbox} events; and the service's resident memory per 1,000 connections.
 *
 * <pre>
 * ./mvnw -B -pl pulse-service -am install -DskipTests
 * ./mvnw -B -pl bench exec:exec -Dbench.main=io.plurum.bench.pulse.PulseBench -Dbench.heap=2g
 * </pre>
 */
public final class PulseBench {

    private static final String TOOL = "benchtool";
    private static final String SERVICE_JAR = "pulse-service/target/quarkus-app/quarkus-run.jar";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private record Agent(UUID id, String key) {

        static Agent create() {
            return new Agent(UUID.randomUUID(), ApiKeys.generate());
        }
    }

    private final Map<String, Integer> settings;
    private KafkaProducer<String, String> producer;

    private PulseBench(Map<String, Integer> settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> settings = new HashMap<>(Map.of("connections", 10_000, "interested", 1_000,
                "events", 100, "inbox", 10_000, "reads", 2_000, "heap-mb", 1_024));
        // exec:exec passes -Dbench.args as one argument.
        String[] words = String.join(" ", args).trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i += 2) {
            settings.put(words[i].replaceFirst("^--", ""), Integer.parseInt(words[i + 1]));
        }
        new PulseBench(settings).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path work = Files.createTempDirectory("pulse-bench-");
        try (Stack.Infrastructure infrastructure = Stack.Infrastructure.start(work)) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    infrastructure.kafka().bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5),
                    new StringSerializer(), new StringSerializer());
            List<Agent> agents = new ArrayList<>();
            for (int i = 0; i < settings.get("connections"); i++) {
                agents.add(Agent.create());
            }
            Agent opener = Agent.create();
            Agent owner = Agent.create();
            Agent helper = Agent.create();
            publishHistory(agents, List.of(opener, owner, helper), owner, helper);
            System.out.println("load average at the start: " + Files.readString(Path.of("/proc/loadavg")).trim());
            long started = System.nanoTime();
            try (Stack stack = infrastructure.startService(serviceJar(),
                    List.of("-Xmx" + settings.get("heap-mb") + "m"),
                    List.of("-Dplurum.pulse.routing.max-recipients=" + settings.get("interested"),
                            // One agent reads its inbox back to back here; the per-key budget would stop it.
                            "-Dplurum.auth.requests-per-minute=1000000"))) {
                System.out.printf("service ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
                awaitCount(stack, settings.get("interested"),
                        "select count(*) from interest where kind = 'tool' and term = ?", TOOL);
                awaitCount(stack, settings.get("inbox"), "select count(*) from inbox_event where recipient = ?",
                        owner.id());
                System.out.printf("caught up (profiles and %d inbox events) %.1f s after start%n",
                        settings.get("inbox"), (System.nanoTime() - started) / 1e9);
                measure(stack, agents, opener, owner);
            }
            System.out.println("load average at the end: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } finally {
            if (producer != null) {
                producer.close();
            }
            deleteTree(work);
        }
    }

    /**
     * What the service replays when it starts: every agent's key, the earlier sessions that make the first
     * {@code interested} agents care about {@value #TOOL}, and the contributions that fill one agent's inbox.
     */
    private void publishHistory(List<Agent> agents, List<Agent> others, Agent owner, Agent helper) {
        agents.forEach(this::issue);
        others.forEach(this::issue);
        for (Agent agent : agents.subList(0, settings.get("interested"))) {
            publish(sessionOpened(agent, UUID.randomUUID(), "Earlier work", List.of(TOOL)));
        }
        UUID inboxSession = UUID.randomUUID();
        publish(sessionOpened(owner, inboxSession, "A busy session", List.of()));
        for (int i = 0; i < settings.get("inbox"); i++) {
            publish(contribution(owner, helper, inboxSession, "contribution " + i));
        }
        producer.flush();
        System.out.printf("published %d credentials, %d profile sessions and %d contributions%n",
                agents.size() + others.size(), settings.get("interested"), settings.get("inbox"));
    }

    private void measure(Stack stack, List<Agent> agents, Agent opener, Agent owner) throws Exception {
        Stack.sleep(Duration.ofSeconds(5));
        long rssBefore = stack.serviceRss();
        try (Fleet fleet = new Fleet(agents.size())) {
            long connecting = System.nanoTime();
            fleet.connect(stack.socket(), agents.stream().map(Agent::key).toList(), 200, Duration.ofMinutes(5));
            System.out.printf("%d connections authenticated in %.1f s (%d failed)%n", fleet.open(),
                    (System.nanoTime() - connecting) / 1e9, fleet.failures());
            Stack.sleep(Duration.ofSeconds(10));
            long rssAfter = stack.serviceRss();
            System.out.printf("service RSS %d MiB before, %d MiB with %d connections: %.1f MiB per 1,000%n",
                    rssBefore >> 20, rssAfter >> 20, fleet.open(),
                    (rssAfter - rssBefore) / 1048576.0 / (fleet.open() / 1000.0));
            System.out.println(get(stack.http("/pulse/status"), null).substring(0, 80) + "...");
            latency(fleet, opener, settings.get("interested"));
            // The service's own share: from the record in hand to the last push queued (routing included).
            get(stack.http("/q/metrics"), null).lines().filter(line -> line.startsWith("pulse_push_fanout_seconds"))
                    .forEach(line -> System.out.println("service: " + line));
            inboxReads(stack, owner);
        }
    }

    /** Kafka's log and PostgreSQL's data take over a gigabyte per run. */
    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private void latency(Fleet fleet, Agent opener, int interested) throws Exception {
        Map<String, Long> sent = new HashMap<>();
        int events = settings.get("events");
        for (int i = 0; i < events; i++) {
            UUID session = UUID.randomUUID();
            EventEnvelope opened = sessionOpened(opener, session, "Benchmark session " + i, List.of(TOOL));
            sent.put(session.toString(), System.nanoTime());
            publish(opened);
            producer.flush();
            Stack.sleep(Duration.ofMillis(200));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fleet.deliveries().size() < events * interested && System.nanoTime() < deadline) {
            Stack.sleep(Duration.ofMillis(100));
        }
        Map<String, Long> lastPerEvent = new HashMap<>();
        long[] each = fleet.deliveries().stream().mapToLong(delivery -> {
            long latency = delivery.receivedNanos() - sent.get(delivery.sessionId());
            lastPerEvent.merge(delivery.sessionId(), latency, Math::max);
            return latency;
        }).toArray();
        System.out.printf("%d of %d expected pushes received%n", each.length, events * interested);
        System.out.println(Percentiles.header());
        System.out.println(Percentiles.ofNanos(each).row("session.opened -> push, each of " + interested + " agents"));
        System.out.println(Percentiles.ofNanos(lastPerEvent.values().stream().mapToLong(Long::longValue).toArray())
                .row("session.opened -> push, last of " + interested + " agents"));
    }

    private void inboxReads(Stack stack, Agent owner) throws Exception {
        for (String query : List.of("/pulse/inbox", "/pulse/inbox?limit=100&unread_only=false")) {
            int reads = settings.get("reads");
            long[] nanos = new long[reads];
            for (int i = -reads / 10; i < reads; i++) {
                long start = System.nanoTime();
                get(stack.http(query), owner.key());
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - start;
                }
            }
            System.out.println(Percentiles.ofNanos(nanos).row("GET " + query + ", " + settings.get("inbox")
                    + " events"));
        }
    }

    private static String get(URI uri, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static void awaitCount(Stack stack, long expected, String sql, Object parameter) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (stack.count(sql, parameter) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not caught up: " + sql);
            }
            Stack.sleep(Duration.ofMillis(500));
        }
    }

    private static Path serviceJar() {
        for (Path candidate : List.of(Path.of(SERVICE_JAR), Path.of("..").resolve(SERVICE_JAR))) {
            if (Files.isRegularFile(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException(SERVICE_JAR + " is missing: package pulse-service first");
    }

    private void issue(Agent agent) {
        String hash = ApiKeys.hash(agent.key());
        publish(EventEnvelope.of(EventType.CREDENTIAL_ISSUED, "agents-service", hash,
                Json.tree(Map.of("agent_id", agent.id(), "active", true))));
    }

    /** Asynchronous: {@link KafkaProducer#flush()} waits for everything sent so far. */
    private void publish(EventEnvelope event) {
        producer.send(new ProducerRecord<>(event.eventType().topic().name(), event.aggregateId(), Json.write(event)),
                (written, failure) -> {
                    if (failure != null) {
                        failure.printStackTrace();
                    }
                });
    }

    /** session.opened as sessions-service writes it (a public session's header). */
    private static EventEnvelope sessionOpened(Agent agent, UUID session, String topic, List<String> tools) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("id", session);
        header.put("short_id", Ids.newShortId());
        header.put("agent_id", agent.id());
        header.put("topic", topic);
        header.put("domain", "benchmarks");
        header.put("tools_used", tools);
        header.put("visibility", "public");
        header.put("status", "open");
        header.put("outcome", null);
        header.put("started_at", Instant.now().toString());
        header.put("closed_at", null);
        header.put("entry_count", 0);
        return EventEnvelope.of(EventType.SESSION_OPENED, "sessions-service", session.toString(), Json.tree(header));
    }

    private static EventEnvelope contribution(Agent owner, Agent helper, UUID session, String text) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", UUID.randomUUID());
        data.put("session_id", session);
        data.put("session_short_id", "Bench123");
        data.put("session_owner_id", owner.id());
        data.put("contributor_agent_id", helper.id());
        data.put("contribution_type", "suggestion");
        data.put("visibility", "public");
        data.put("content", Map.of("text", text));
        data.put("created_at", Instant.now().toString());
        return EventEnvelope.of(EventType.CONTRIBUTION_RECEIVED, "sessions-service", session.toString(),
                Json.tree(data));
    }
}
