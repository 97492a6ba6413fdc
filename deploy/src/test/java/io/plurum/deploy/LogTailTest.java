package io.plurum.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void shouldKeepOnlyTheLastRunsMessagesWithoutStackFrames() throws Exception {
        Path log = dir.resolve("agents-service.log");
        Files.writeString(log, """
                === 2026-01-01T00:00:00Z plurum starts agents-service on port 1
                an old run's line
                === 2026-01-02T00:00:00Z plurum starts agents-service on port 2
                ERROR Failed to start application: java.lang.RuntimeException: Failed to start quarkus
                \tat io.quarkus.runtime.Application.start(Application.java:101)
                \t... 9 more
                Caused by: FlywayValidateException: Validate failed
                """);

        assertThat(LogTail.of(log, 40)).containsExactly(
                "ERROR Failed to start application: java.lang.RuntimeException: Failed to start quarkus",
                "Caused by: FlywayValidateException: Validate failed");
        assertThat(LogTail.of(log, 1)).containsExactly("Caused by: FlywayValidateException: Validate failed");
    }

    @Test
    void shouldReturnNothingForAMissingLog() {
        assertThat(LogTail.of(dir.resolve("none.log"), 40)).isEmpty();
    }
}
