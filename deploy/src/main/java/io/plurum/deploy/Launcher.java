package io.plurum.deploy;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local launcher behind {@code ./plurum}: {@code up} starts the whole stack and keeps it running until SIGTERM or
 * Ctrl-C, {@code status} reports on a running one.
 */
public final class Launcher {

    private static final String WATCHDOG_JAR = "plurum-launcher-watchdog.jar";
    private static final int USAGE = 2;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        PrintStream out = System.out;
        Settings settings;
        try {
            settings = Settings.fromEnvironment(System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            System.err.println("plurum: " + e.getMessage());
            System.exit(USAGE);
            return;
        }
        int exitCode = switch (command) {
            case "up" -> up(settings, out);
            case "status" -> new Status().print(settings, out);
            case "help", "-h", "--help" -> {
                out.print(help());
                yield 0;
            }
            default -> {
                System.err.print("plurum: unknown command " + command + "\n\n" + help());
                yield USAGE;
            }
        };
        System.exit(exitCode);
    }

    /** Runs until the JVM is asked to exit, whose shutdown hook stops the stack; returns only if the start fails. */
    private static int up(Settings settings, PrintStream out) throws Exception {
        LauncherLogging.quietConsole();
        out.println("plurum: data in " + settings.dataDir() + ", logs in " + settings.logDir());
        Stack stack = new Stack(settings, childLaunch(settings), out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "plurum-stop"));
        try {
            stack.start();
        } catch (StartFailure e) {
            System.err.println("plurum: " + e.getMessage());
            if (e.log() != null) {
                System.err.println("plurum: last lines of " + e.log() + ":");
                LogTail.of(e.log(), 40).forEach(line -> System.err.println("    " + line));
            }
            return 1;
        }
        out.println("Plurum is ready at " + stack.apiUrl());
        new CountDownLatch(1).await();
        return 0;
    }

    private static ServiceProcess.Launch childLaunch(Settings settings) throws URISyntaxException {
        Path java = ProcessHandle.current().info().command().map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java"));
        // Next to the launcher jar; from target/classes (an IDE, a test) the sibling is target/ as well.
        Path self = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return new ServiceProcess.Launch(java, self.resolveSibling(WATCHDOG_JAR), settings.home());
    }

    private static String help() {
        return """
                Usage: ./plurum COMMAND

                Commands:
                  up      build what is missing, start Kafka, PostgreSQL, the services and the gateway, and run
                          until Ctrl-C or SIGTERM, which stop all of it
                  status  show what runs on the data directory and whether each part is healthy
                          (exit code 0 healthy, 1 unhealthy, 3 not running)
                  test    run every test, the end-to-end suite included (./mvnw verify)
                  help    show this text

                Environment:
                  PLURUM_PORT             gateway port (8080)
                  PLURUM_DATA_DIR         data, logs and stack.json (.plurum/ in the current directory);
                                          a second `up` on the same directory finds every record again
                  PLURUM_HOME             repository root holding the built services (./plurum's checkout)
                  PLURUM_KAFKA_BOOTSTRAP  use this Kafka (host:port[,...]) instead of the embedded one
                  PLURUM_DB_URL           use this PostgreSQL instead of the embedded one:
                                          %s (user and password optional, percent-encoded;
                                          the databases agents, sessions, experiences and pulse are created if
                                          missing)
                  PLURUM_START_TIMEOUT    seconds the whole stack may take to get ready (180)
                """.formatted(DatabaseServer.URL_FORMAT);
    }
}
