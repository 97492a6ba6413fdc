package io.plurum.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import io.plurum.platform.embedded.EmbeddedKafka;
import io.plurum.platform.embedded.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A real Kafka broker and a real PostgreSQL for {@code @QuarkusTest} classes, started once per JVM and shared:
 *
 * <pre>{@code
 * @QuarkusTest
 * @WithTestResource(value = PlurumTestResource.class, scope = TestResourceScope.GLOBAL)
 * class SomethingTest { ... }
 * }</pre>
 *
 * ({@code io.quarkus.test.common.WithTestResource} and {@code TestResourceScope}, Quarkus 3.33.) The init arg
 * {@value #DATABASE_ARG} names the database, {@value #DEFAULT_DATABASE} by default; it is created if missing. Both
 * servers live in a temporary directory; they stop, and the directory is deleted, when the last started instance of
 * this resource is stopped, or at JVM exit. The Kafka broker runs in a child JVM that also dies with this one.
 */
public class PlurumTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "plurum";
    /**
     * System property holding the running broker's bootstrap servers. Quarkus may load this class more than once
     * (one class loader per application), and a test must reach the broker that its application was given.
     */
    public static final String KAFKA_BOOTSTRAP_PROPERTY = "plurum-test.kafka.bootstrap.servers";

    private static Infrastructure infrastructure;
    private static int users;
    private static boolean shutdownHookAdded;

    private String database = DEFAULT_DATABASE;
    private boolean started;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure running = acquire();
        started = true;
        EmbeddedPostgresServer postgres = running.postgres();
        postgres.ensureDatabase(database);
        return Map.of(
                "kafka.bootstrap.servers", running.kafka().bootstrapServers(),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        if (started) {
            started = false;
            release();
        }
    }

    /** Bootstrap servers of the shared broker; starts the servers if no test resource has yet. */
    public static String kafkaBootstrap() {
        String published = System.getProperty(KAFKA_BOOTSTRAP_PROPERTY);
        return published != null ? published : running().kafka().bootstrapServers();
    }

    /** A companion on the shared broker, to produce and consume in tests; close it when done. */
    public static KafkaCompanion kafkaCompanion() {
        return new KafkaCompanion(kafkaBootstrap());
    }

    private static synchronized Infrastructure acquire() {
        Infrastructure running = running();
        users++;
        return running;
    }

    private static synchronized Infrastructure running() {
        if (infrastructure == null) {
            if (!shutdownHookAdded) {
                Runtime.getRuntime().addShutdownHook(new Thread(PlurumTestResource::shutDown, "plurum-test-stop"));
                shutdownHookAdded = true;
            }
            infrastructure = Infrastructure.start();
            System.setProperty(KAFKA_BOOTSTRAP_PROPERTY, infrastructure.kafka().bootstrapServers());
        }
        return infrastructure;
    }

    private static synchronized void release() {
        if (--users == 0) {
            shutDown();
        }
    }

    private static synchronized void shutDown() {
        if (infrastructure != null) {
            System.clearProperty(KAFKA_BOOTSTRAP_PROPERTY);
            infrastructure.close();
            infrastructure = null;
        }
    }

    private record Infrastructure(Path root, EmbeddedKafka kafka, EmbeddedPostgresServer postgres)
            implements AutoCloseable {

        /** Starts both at once: the broker's JVM boots while PostgreSQL initializes. */
        static Infrastructure start() {
            Path root;
            try {
                root = Files.createTempDirectory("plurum-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedKafka.start(root.resolve("kafka"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            EmbeddedPostgresServer postgres;
            try {
                postgres = EmbeddedPostgresServer.start(root.resolve("postgres"));
            } catch (IOException | RuntimeException e) {
                kafka.thenAccept(EmbeddedKafka::close).exceptionally(kafkaFailure -> null).join();
                deleteTree(root);
                throw new IllegalStateException("PostgreSQL did not start", e);
            }
            try {
                return new Infrastructure(root, kafka.join(), postgres);
            } catch (CompletionException e) {
                closeQuietly(postgres);
                deleteTree(root);
                throw new IllegalStateException("Kafka did not start", e.getCause());
            }
        }

        @Override
        public void close() {
            kafka.close();
            closeQuietly(postgres);
            deleteTree(root);
        }

        private static void closeQuietly(EmbeddedPostgresServer postgres) {
            try {
                postgres.close();
            } catch (IOException e) {
                // zonky logs a failed stop itself; the data lives in a temporary directory about to be deleted.
            }
        }

        private static void deleteTree(Path root) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // Best effort: a leftover temporary directory harms nothing.
            }
        }
    }
}
