package io.plurum.bench.search;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plurum.platform.embedded.EmbeddedKafka;
import io.plurum.platform.embeddings.EmbeddingModel;
import io.plurum.platform.embeddings.EmbeddingModels;
import io.plurum.platform.events.EventEnvelope;
import io.plurum.platform.events.EventType;
import io.plurum.platform.events.ExperienceState;
import io.plurum.platform.events.Topic;
import io.plurum.platform.events.Topics;
import io.plurum.platform.json.Json;

/**
 * How long a new search replica takes to become ready from the topics: publishes N synthetic experiences (see
 * {@link SyntheticCorpus}) to {@code plurum.experiences.v1} of a local broker, as experiences-service does (each
 * with its embedding and model id), then starts the packaged search-service with an empty index directory and
 * times its start until {@code /q/health/ready} answers 200 (JVM start, model load, replay of both topics).
 * Arguments as key=value: size (100000); dir (work directory for the broker's data and the index, a temporary one
 * deleted afterwards unless given); produce (true; false replays what a kept dir's broker holds already); carried
 * (true; false publishes without embeddings, so the replica embeds every experience itself); jar
 * (../search-service/target/quarkus-app/quarkus-run.jar); heap (2g, the replica's); jvm (one more option for the
 * replica's JVM, e.g. {@code -XX:StartFlightRecording=filename=replay.jfr} to profile the replay).
 */
public final class ReplicaBench {

    private static final int PARTITIONS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(60);

    private ReplicaBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SpeedBench.options(args);
        int size = Integer.parseInt(options.getOrDefault("size", "100000"));
        boolean produce = Boolean.parseBoolean(options.getOrDefault("produce", "true"));
        boolean carried = Boolean.parseBoolean(options.getOrDefault("carried", "true"));
        Path jar = Path.of(options.getOrDefault("jar", "../search-service/target/quarkus-app/quarkus-run.jar"));
        Path dir = options.containsKey("dir") ? Path.of(options.get("dir"))
                : Files.createTempDirectory("plurum-replica");
        System.out.printf("size=%d carried=%s cores=%d dir=%s%n", size, carried,
                Runtime.getRuntime().availableProcessors(), dir);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(EmbeddedKafka.Options.of(dir.resolve("kafka"))
                .withLogFile(dir.resolve("kafka.log")))) {
            if (produce) {
                createTopics(kafka.bootstrapServers());
                publish(kafka.bootstrapServers(), size, carried);
            }
            List<String> jvm = new ArrayList<>(List.of("-Xmx" + options.getOrDefault("heap", "2g")));
            if (options.containsKey("jvm")) {
                jvm.add(options.get("jvm"));
            }
            replay(kafka.bootstrapServers(), jar, dir, jvm);
        } finally {
            if (!options.containsKey("dir")) {
                SpeedBench.deleteTree(dir);
            }
        }
    }

    private static void createTopics(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>();
            for (Topic topic : Topics.ALL) {
                topics.add(new NewTopic(topic.name(), PARTITIONS, (short) 1).configs(topic.config()));
                topics.add(new NewTopic(topic.deadLetter(), PARTITIONS, (short) 1));
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static void publish(String bootstrap, int size, boolean carried) throws Exception {
        EmbeddingModel model = EmbeddingModels.load(EmbeddingModels.DEFAULT);
        SyntheticCorpus corpus = new SyntheticCorpus(Dataset.load(), model);
        long started = System.nanoTime();
        long bytes = 0;
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (var producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024),
                new StringSerializer(), new StringSerializer())) {
            for (long i = 0; i < size && failure.get() == null; i++) {
                ExperienceState state = corpus.state(i);
                if (!carried) {
                    state = state.withEmbedding(null, null);
                }
                String id = state.id().toString();
                String event = Json.write(EventEnvelope.of(EventType.EXPERIENCE_STATE, "experiences-service", id,
                        Json.tree(state)));
                bytes += event.length();
                producer.send(new ProducerRecord<>(Topics.EXPERIENCES.name(), id, event), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        double secs = (System.nanoTime() - started) / 1e9;
        System.out.printf("published %d experience states (%.0f MB, %.1f KB each) in %.1f s%n", size, bytes / 1e6,
                bytes / 1e3 / size, secs);
    }

    private static void replay(String bootstrap, Path jar, Path dir, List<String> jvm) throws Exception {
        Path index = dir.resolve("index-" + System.currentTimeMillis());
        Path log = dir.resolve(index.getFileName() + ".log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dplurum.search.index-dir=" + index, "-Dquarkus.http.port=" + port, "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        long started = System.nanoTime();
        Process replica = builder.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build();
            long deadline = started + READY_TIMEOUT.toNanos();
            while (!isReady(client, ready)) {
                if (!replica.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the replica did not become ready; see " + log);
                }
                Thread.sleep(200);
            }
            double secs = (System.nanoTime() - started) / 1e9;
            System.out.printf("replica ready %.1f s after its start (JVM, model, replay); index %.0f MB, RSS %d MB%n",
                    secs, sizeOf(index) / 1e6, SpeedBench.rssMb(Long.toString(replica.pid())));
            Files.readAllLines(log).stream().filter(line -> line.contains("search index replayed")
                    || line.contains("started in")).forEach(line -> System.out.println("  " + line.strip()));
        } finally {
            replica.destroy();
            replica.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static boolean isReady(HttpClient client, HttpRequest ready) throws InterruptedException {
        try {
            return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
