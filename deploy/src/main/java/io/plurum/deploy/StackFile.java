package io.plurum.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code $PLURUM_DATA_DIR/stack.json}: what a running launcher started, for {@code plurum status} and for scripts.
 * It exists while the launcher runs; a file whose launcher is gone is stale.
 *
 * @param launcherPid process id of the launcher
 * @param startedAt   when the launcher started the stack (ISO-8601)
 * @param dataDir     the data directory
 * @param url         the API's base URL
 * @param components  what runs, in start order
 */
record StackFile(long launcherPid, String startedAt, String dataDir, String url, List<Component> components) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * One process of the stack.
     *
     * @param name     component name
     * @param pid      process id, or null when the stack uses a server it did not start
     * @param port     the port it serves on
     * @param url      where clients reach it
     * @param readyUrl its readiness endpoint, or null when being reachable is all the health there is
     * @param log      its log file, or null when it has none here
     */
    record Component(String name, Long pid, int port, String url, String readyUrl, String log) {
    }

    StackFile {
        components = List.copyOf(components);
    }

    /** Writes the file in one move, so that a reader never sees half of it. */
    void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(partial.toFile(), this);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static Optional<StackFile> read(Path file) throws IOException {
        return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), StackFile.class)) : Optional.empty();
    }

    boolean launcherAlive() {
        return ProcessHandle.of(launcherPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
