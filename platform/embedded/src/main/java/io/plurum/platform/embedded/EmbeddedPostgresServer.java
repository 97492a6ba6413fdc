package io.plurum.platform.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's embedded binaries) on a data directory that the caller owns: it is never cleaned,
 * so the next start on the same directory finds every database and row again. Connections use trust authentication;
 * as root, zonky runs PostgreSQL under {@code unshare -U} because PostgreSQL refuses to run as root.
 *
 * <p>The server stops with {@link #close()}, and otherwise when this JVM ends, even if it is killed: {@code pg_ctl}
 * detaches the postmaster, so a small watchdog process, whose stdin this JVM holds open, stops it when that pipe ends.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final String SUPERUSER = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";

    /**
     * Where and how to start the server.
     *
     * @param dataDir      PostgreSQL data directory; created and initialized on first use, kept afterwards
     * @param port         port to listen on (localhost), 0 for a free one
     * @param binariesDir  where the binaries are extracted (once per version), or null for zonky's default
     *                     ({@code java.io.tmpdir/embedded-pg})
     * @param startTimeout how long to wait for the server to accept connections (initdb included)
     */
    public record Options(Path dataDir, int port, Path binariesDir, Duration startTimeout) {

        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(startTimeout, "startTimeout");
        }

        public static Options of(Path dataDir) {
            return new Options(dataDir, 0, null, Duration.ofSeconds(60));
        }

        public Options withPort(int port) {
            return new Options(dataDir, port, binariesDir, startTimeout);
        }

        public Options withBinariesDir(Path binariesDir) {
            return new Options(dataDir, port, binariesDir, startTimeout);
        }

        public Options withStartTimeout(Duration startTimeout) {
            return new Options(dataDir, port, binariesDir, startTimeout);
        }
    }

    // Fast shutdown (SIGINT) of the postmaster named in postmaster.pid once stdin ends; no file means nothing runs.
    private static final String WATCHDOG_SCRIPT =
            "while read -r _; do :; done; kill -INT $(head -n 1 \"$0/postmaster.pid\" 2>/dev/null) 2>/dev/null";

    private final EmbeddedPostgres postgres;
    private final Process watchdog;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Process watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    public static EmbeddedPostgresServer start(Path dataDir) throws IOException {
        return start(Options.of(dataDir));
    }

    /** Starts the server (running initdb first if the data directory is new) and returns once it accepts clients. */
    public static EmbeddedPostgresServer start(Options options) throws IOException {
        Path dataDir = options.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // The watchdog covers JVM exit too; zonky's hook would race with a caller's hook that deletes the data.
                .setRegisterShutdownHook(false)
                .setPort(options.port())
                .setOverrideWorkingDirectory(options.binariesDir() == null ? null : options.binariesDir().toFile())
                .setPGStartupWait(options.startTimeout())
                .start();
        try {
            return new EmbeddedPostgresServer(postgres, new ProcessBuilder("sh", "-c", WATCHDOG_SCRIPT,
                    dataDir.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            postgres.close();
            throw e;
        }
    }

    /** Creates the database unless it exists. */
    public void ensureDatabase(String name) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement create = connection.createStatement()) {
            exists.setString(1, name);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            create.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            // Another client may have created it between the check and the CREATE.
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The form Quarkus' reactive datasource expects: {@code postgresql://localhost:PORT/database}. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return SUPERUSER;
    }

    /** Any password is accepted (trust authentication); this one keeps clients that insist on a password happy. */
    public String password() {
        return SUPERUSER;
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server cleanly; the data directory stays. */
    @Override
    public void close() throws IOException {
        postgres.close();
        // SIGTERM ends the watchdog without running its kill, which could hit a later server on the same directory.
        watchdog.destroy();
        try {
            watchdog.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.getOutputStream().close();
        }
    }
}
