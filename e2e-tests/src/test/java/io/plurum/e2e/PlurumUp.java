package io.plurum.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code ./plurum up} run from the repository root, exactly as a user runs it, its output echoed with a prefix.
 * The script execs the launcher, so this process is the launcher itself and signals reach it directly.
 */
final class PlurumUp implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dataDir;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final StringBuffer output = new StringBuffer();

    private PlurumUp(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    static PlurumUp start(Path home, Path dataDir) throws IOException {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder("./plurum", "up")
                .directory(home.toFile())
                .redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("PLURUM_PORT", String.valueOf(port));
        environment.put("PLURUM_DATA_DIR", dataDir.toString());
        environment.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        PlurumUp plurum = new PlurumUp(builder.start(), port, dataDir);
        Thread.ofPlatform().daemon().name("plurum-output").start(plurum::pumpOutput);
        return plurum;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pumpOutput() {
        String readyLine = "Plurum is ready at " + apiUrl();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("[plurum] " + line);
                output.append(line).append('\n');
                if (line.equals(readyLine)) {
                    ready.complete(null);
                }
            }
        } catch (IOException e) {
            // The launcher is gone; the check below reports it if it never got ready.
        }
        ready.completeExceptionally(new IllegalStateException("./plurum up ended before it was ready:\n" + output));
        ended.complete(output.toString());
    }

    /** Waits for the exact ready line, or fails with everything the launcher said. */
    void awaitReady(Duration timeout) throws Exception {
        try {
            ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("./plurum up was not ready within " + timeout + ":\n" + output, e);
        }
    }

    /** SIGTERM, sent through the handle: {@code Process.destroy()} would also close the launcher's output pipe. */
    void sigterm() {
        process.toHandle().destroy();
    }

    void sigkill() {
        process.toHandle().destroyForcibly();
    }

    /** Everything the launcher wrote, once it has exited and closed its output. */
    String awaitOutput(Duration timeout) throws Exception {
        return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    int port() {
        return port;
    }

    Process process() {
        return process;
    }

    /** Every process the launcher started that is still its descendant. */
    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /** PostgreSQL's postmaster, which pg_ctl detaches from the launcher's process tree. */
    ProcessHandle postmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst().trim());
        return ProcessHandle.of(pid).orElseThrow();
    }

    Path stackFile() {
        return dataDir.resolve("stack.json");
    }

    /** Kills whatever a failed test left running; the children follow the launcher by themselves. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor();
        }
    }
}
