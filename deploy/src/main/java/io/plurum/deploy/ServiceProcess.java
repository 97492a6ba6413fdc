package io.plurum.deploy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Quarkus application running in a JVM of its own, its output appended to its log file.
 *
 * <p>The child loads the watchdog agent and gets a stdin pipe that this launcher holds open and never writes to: if the
 * launcher dies without stopping it, even by SIGKILL, the pipe ends and the child exits by itself.
 */
final class ServiceProcess {

    private final ServiceSpec spec;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(ServiceSpec spec, int port, Path log, Process process) {
        this.spec = spec;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the application.
     *
     * @param properties  the configuration, passed as system properties so that they win over every other source
     * @param environment variables added to the launcher's own; for secrets, which a command line would show to
     *                    every user of the machine
     * @param workDir     the working directory; whatever the application keeps on local disk under a relative path
     *                    stays there, next to the stack's other data
     */
    static ServiceProcess start(ServiceSpec spec, int port, Map<String, String> properties,
            Map<String, String> environment, Launch launch, Path workDir, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(launch.java().toString());
        command.add("-Xmx" + spec.maxHeap());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-javaagent:" + launch.watchdogAgent());
        command.addAll(spec.jvmOptions());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(spec.jar(launch.home()).toString());

        Files.createDirectories(workDir);
        Files.createDirectories(log.getParent());
        Files.writeString(log, LogTail.RUN_MARKER + Instant.now() + " plurum starts " + spec.name() + " on port " + port + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ServiceProcess(spec, port, log, builder.start());
    }

    /**
     * What every child is started with.
     *
     * @param java          the launcher's own {@code java}, so that the whole stack runs on one JDK
     * @param watchdogAgent the agent jar that ends a child whose launcher died
     * @param home          the repository root holding the built applications
     */
    record Launch(Path java, Path watchdogAgent, Path home) {
    }

    String name() {
        return spec.name();
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    Process process() {
        return process;
    }

    /** Where the application listens; loopback by address, as a local name may resolve to IPv6 first. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port);
    }

    URI readyUrl() {
        return baseUrl().resolve("/q/health/ready");
    }

    /** Asks the application to shut down (SIGTERM), without waiting. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for the application to exit, killing it if it takes longer than {@code grace}. */
    void awaitExit(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
