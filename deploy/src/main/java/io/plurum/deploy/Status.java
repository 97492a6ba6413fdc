package io.plurum.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Optional;

/** {@code plurum status}: what the launcher of a data directory started, and whether each part is healthy. */
final class Status {

    static final int HEALTHY = 0;
    static final int UNHEALTHY = 1;
    static final int NOT_RUNNING = 3;

    private static final String ROW = "  %-20s %-8s %-6s %-44s %s%n";

    private final Probe probe = new Probe();

    /** Prints the report and returns the exit code: {@value #HEALTHY}, {@value #UNHEALTHY} or {@value #NOT_RUNNING}. */
    int print(Settings settings, PrintStream out) throws IOException, InterruptedException {
        Optional<StackFile> file = StackFile.read(settings.stackFile());
        if (file.isEmpty()) {
            out.println("Plurum is not running on " + settings.dataDir() + " (no stack.json)");
            return NOT_RUNNING;
        }
        StackFile stack = file.get();
        if (!stack.launcherAlive()) {
            out.println("Plurum is not running on " + settings.dataDir() + ": stack.json is left from launcher pid "
                    + stack.launcherPid() + ", which is gone");
            return NOT_RUNNING;
        }
        out.printf("Plurum at %s (launcher pid %d, started %s, data %s)%n", stack.url(), stack.launcherPid(),
                stack.startedAt(), stack.dataDir());
        out.printf(ROW, "COMPONENT", "PID", "PORT", "URL", "HEALTH");
        boolean healthy = true;
        for (StackFile.Component component : stack.components()) {
            String health = health(component);
            healthy &= health.equals("ready") || health.equals("up");
            out.printf(ROW, component.name(), component.pid() == null ? "-" : component.pid(), component.port(),
                    component.url(), health);
        }
        return healthy ? HEALTHY : UNHEALTHY;
    }

    private String health(StackFile.Component component) throws InterruptedException {
        if (component.pid() != null && !ProcessHandle.of(component.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            return "dead";
        }
        if (component.readyUrl() != null) {
            int status = probe.readiness(URI.create(component.readyUrl()));
            return switch (status) {
                case 200 -> "ready";
                case 0 -> "no answer";
                default -> "not ready (" + status + ")";
            };
        }
        return Probe.accepts(hostOf(component.url()), component.port()) ? "up" : "no answer";
    }

    /** The host of a URL or of the first entry of a {@code host:port[,...]} list. */
    private static String hostOf(String url) {
        if (url.contains("://")) {
            return URI.create(url).getHost();
        }
        String first = url.split(",")[0].trim();
        return first.substring(0, first.lastIndexOf(':'));
    }
}
