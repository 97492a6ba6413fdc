package io.plurum.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void createsDatabasesAndKeepsRowsAcrossRestarts() throws Exception {
        try (EmbeddedPostgresServer postgres = timedStart()) {
            postgres.ensureDatabase("plurum");
            postgres.ensureDatabase("plurum");
            try (Connection connection = connect(postgres); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE note (text TEXT NOT NULL)");
                sql.execute("INSERT INTO note VALUES ('kept')");
            }
            assertThat(postgres.reactiveUrl("plurum"))
                    .isEqualTo("postgresql://localhost:" + postgres.port() + "/plurum");
        }

        try (EmbeddedPostgresServer postgres = timedStart()) {
            postgres.ensureDatabase("plurum");
            try (Connection connection = connect(postgres); Statement sql = connection.createStatement();
                    ResultSet rows = sql.executeQuery("SELECT text, current_setting('server_version') FROM note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("kept");
                System.out.println("PostgreSQL " + rows.getString(2));
                assertThat(rows.next()).isFalse();
            }
        }
    }

    @Test
    void serverStopsWhenTheJvmThatStartedItIsKilled() throws Exception {
        Path pgDir = dataDir.resolve("pg");
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), PostgresChildMain.class.getName(), pgDir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line = output.readLine();
            while (line != null && !line.equals("READY")) {
                line = output.readLine();
            }
            assertThat(line).isEqualTo("READY");
            long postmaster = Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).getFirst().trim());

            child.destroyForcibly().waitFor();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).isPresent()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        } finally {
            child.destroyForcibly();
        }

        try (EmbeddedPostgresServer postgres = timedStart(); Connection connection = connect(postgres);
                Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("SELECT text FROM note")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("written before the kill");
        }
    }

    private EmbeddedPostgresServer timedStart() throws Exception {
        long started = System.nanoTime();
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("pg"));
        System.out.printf("PostgreSQL ready on port %d in %d ms%n", postgres.port(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return postgres;
    }

    private static Connection connect(EmbeddedPostgresServer postgres) throws Exception {
        return DriverManager.getConnection(postgres.jdbcUrl("plurum"), postgres.username(), postgres.password());
    }
}
