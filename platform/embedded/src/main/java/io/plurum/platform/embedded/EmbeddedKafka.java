package io.plurum.platform.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single-node Kafka broker ({@link KafkaServerMain}) in a JVM of its own, so that its threads, heap and logging stay
 * out of the caller's JVM. The child gets the caller's {@code java} and class path, and exits on its own when the
 * caller dies (its stdin is a pipe that the caller holds open).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 40;

    /**
     * Where and how to start the broker.
     *
     * @param dataDir        log and metadata directory; kept between runs
     * @param brokerPort     client port, 0 for a free one
     * @param controllerPort KRaft controller port, 0 for a free one
     * @param logFile        file that receives the broker's output (appended), or null to echo it on stderr
     * @param startTimeout   how long to wait for the broker to serve clients
     */
    public record Options(Path dataDir, int brokerPort, int controllerPort, Path logFile, Duration startTimeout) {

        public Options {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(startTimeout, "startTimeout");
        }

        public static Options of(Path dataDir) {
            return new Options(dataDir, 0, 0, null, Duration.ofSeconds(60));
        }

        public Options withPorts(int brokerPort, int controllerPort) {
            return new Options(dataDir, brokerPort, controllerPort, logFile, startTimeout);
        }

        public Options withLogFile(Path logFile) {
            return new Options(dataDir, brokerPort, controllerPort, logFile, startTimeout);
        }

        public Options withStartTimeout(Duration startTimeout) {
            return new Options(dataDir, brokerPort, controllerPort, logFile, startTimeout);
        }
    }

    private final Process process;
    private final OutputPump output;
    private final String bootstrapServers;

    private EmbeddedKafka(Process process, OutputPump output, String bootstrapServers) {
        this.process = process;
        this.output = output;
        this.bootstrapServers = bootstrapServers;
    }

    public static EmbeddedKafka start(Path dataDir) throws IOException {
        return start(Options.of(dataDir));
    }

    /** Starts the broker and returns once it serves clients. */
    public static EmbeddedKafka start(Options options) throws IOException {
        PrintStream log = options.logFile() == null ? null : openLog(options.logFile());
        Process process;
        try {
            process = new ProcessBuilder(command(options)).redirectErrorStream(true).start();
        } catch (IOException e) {
            if (log != null) {
                log.close();
            }
            throw e;
        }
        OutputPump output = new OutputPump(process.getInputStream(), log);
        Thread.ofPlatform().daemon().name("kafka-output-" + process.pid()).start(output);
        try {
            String bootstrap = output.ready.get(options.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new EmbeddedKafka(process, output, bootstrap);
        } catch (TimeoutException e) {
            stop(process);
            throw new IOException("Kafka did not start within " + options.startTimeout() + output.tail(), e);
        } catch (ExecutionException e) {
            stop(process);
            throw new IOException("Kafka exited with " + process.exitValue() + " before it was ready" + output.tail(),
                    e.getCause());
        } catch (InterruptedException e) {
            stop(process);
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while Kafka was starting", e);
        }
    }

    private static List<String> command(Options options) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.add("-Xmx512m");
        // A small broker needs no parallel GC, and without it the JVM reaches READY about 0.8 s sooner (2 cores).
        command.add("-XX:+UseSerialGC");
        if (Runtime.version().feature() >= 23) {
            // JDK 24+ warns on stderr when Kafka unmaps buffers through sun.misc.Unsafe; the flag exists from JDK 23.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (jbossLogManagerPresent()) {
            // Quarkus' logging backend is the SLF4J provider then; as JUL manager it obeys KafkaServerMain's levels.
            command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(KafkaServerMain.class.getName());
        command.add(options.dataDir().toAbsolutePath().toString());
        command.add(String.valueOf(options.brokerPort()));
        command.add(String.valueOf(options.controllerPort()));
        return command;
    }

    private static boolean jbossLogManagerPresent() {
        try {
            Class.forName("org.jboss.logmanager.LogManager", false, EmbeddedKafka.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static PrintStream openLog(Path logFile) throws IOException {
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        return new PrintStream(Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true, StandardCharsets.UTF_8);
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Process id of the broker's JVM. */
    public long pid() {
        return process.pid();
    }

    /** Stops the broker: SIGTERM for a clean shutdown, a kill if it takes longer than 30 s. Waits until it is gone. */
    @Override
    public void close() {
        stop(process);
        output.awaitEnd();
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // The child is gone; its stdin pipe has nothing left to release.
            }
        }
    }

    /** Copies the child's output to the log, spots the READY line and keeps the last lines for error messages. */
    private static final class OutputPump implements Runnable {

        final CompletableFuture<String> ready = new CompletableFuture<>();
        private final CompletableFuture<Void> ended = new CompletableFuture<>();
        private final InputStream input;
        private final PrintStream log;
        private final Deque<String> tail = new ArrayDeque<>();

        /** A null log echoes the output on stderr instead. */
        OutputPump(InputStream input, PrintStream log) {
            this.input = input;
            this.log = log;
        }

        @Override
        public void run() {
            try (log; var reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (log == null) {
                        System.err.println("[kafka] " + line);
                    } else {
                        log.println(line);
                    }
                    remember(line);
                    if (line.startsWith(KafkaServerMain.READY_PREFIX)) {
                        ready.complete(line.substring(KafkaServerMain.READY_PREFIX.length()).trim());
                    }
                }
            } catch (IOException e) {
                // The pipe broke because the child died; the end of the output is handled below either way.
            } finally {
                ready.completeExceptionally(new IOException("Kafka's output ended"));
                ended.complete(null);
            }
        }

        private synchronized void remember(String line) {
            if (tail.size() == TAIL_LINES) {
                tail.removeFirst();
            }
            tail.addLast(line);
        }

        synchronized String tail() {
            return tail.isEmpty() ? "" : "; its last output:\n" + String.join("\n", tail);
        }

        void awaitEnd() {
            try {
                ended.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // Only the log's last lines are at stake; the process itself is already gone.
            }
        }
    }
}
