package io.plurum.bench.pulse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.plurum.platform.embedded.EmbeddedKafka;
import io.plurum.platform.embedded.EmbeddedPostgresServer;

/**
 * One pulse replica as it runs in production: its own JVM, started from the packaged jar, against a real Kafka broker
 * (in its own JVM too) and a real PostgreSQL. Only the service's own process is measured for memory.
 */
final class Stack implements AutoCloseable {

    private static final String DATABASE = "pulse";

    private final EmbeddedPostgresServer postgres;
    private final Process service;
    private final int port;

    private Stack(EmbeddedPostgresServer postgres, Process service, int port) {
        this.postgres = postgres;
        this.service = service;
        this.port = port;
    }

    /** Kafka and PostgreSQL, ready for events to be published before the service starts. */
    record Infrastructure(Path work, EmbeddedKafka kafka, EmbeddedPostgresServer postgres) implements AutoCloseable {

        static Infrastructure start(Path work) throws IOException {
            CompletableFuture<EmbeddedKafka> kafka = CompletableFuture.supplyAsync(() -> {
                try {
                    return EmbeddedKafka.start(work.resolve("kafka"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(work.resolve("postgres"));
            postgres.ensureDatabase(DATABASE);
            return new Infrastructure(work, kafka.join(), postgres);
        }

        /** Starts the service jar with {@code jvmOptions} and returns once it reports ready. */
        Stack startService(Path jar, List<String> jvmOptions, List<String> settings) throws IOException {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                    "-Dquarkus.datasource.reactive.url=" + postgres.reactiveUrl(DATABASE),
                    "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(DATABASE),
                    "-Dquarkus.datasource.username=" + postgres.username(),
                    "-Dquarkus.datasource.password=" + postgres.password(),
                    // No agents-service here: every key reaches the service through the credentials topic.
                    "-Dplurum.auth.agents-url=http://127.0.0.1:9"));
            command.addAll(settings);
            command.addAll(List.of("-jar", jar.toString()));
            Path log = work.resolve("pulse-service.log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            Stack stack = new Stack(postgres, process, port);
            stack.awaitReady(Duration.ofMinutes(3), log);
            return stack;
        }

        @Override
        public void close() throws IOException {
            kafka.close();
            postgres.close();
        }
    }

    URI http(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI socket() {
        return URI.create("ws://127.0.0.1:" + port + "/pulse/ws");
    }

    /** Resident memory of the service's process, in bytes (VmRSS). */
    long serviceRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(service.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for the service");
    }

    long count(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(DATABASE), postgres.username(),
                postgres.password()); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private void awaitReady(Duration timeout, Path log) {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("pulse-service exited; see " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(http("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("pulse-service not ready within " + timeout + "; see " + log);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the service; the infrastructure stays up. */
    @Override
    public void close() {
        service.destroy();
        try {
            if (!service.waitFor(20, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
