package io.plurum.platform.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node KRaft Kafka broker (broker and controller in one process), meant to run in its own JVM started by
 * {@link EmbeddedKafka}.
 *
 * <p>Arguments: {@code DATA_DIR [BROKER_PORT [CONTROLLER_PORT]]}; each falls back to the system property
 * {@value #DATA_DIR_PROPERTY}, {@value #PORT_PROPERTY} or {@value #CONTROLLER_PORT_PROPERTY}. A port of 0 (the default)
 * means a free port. The data dir is formatted only on first use, so a restart keeps every topic and offset.
 *
 * <p>Prints {@code KAFKA READY <bootstrap>} on stdout once the broker answers a client. Exits when its stdin reaches
 * EOF, so it dies with the process that started it even if that one is killed; on SIGTERM it shuts down cleanly.
 * Run by hand, keep stdin open (a terminal does).
 */
public final class KafkaServerMain {

    public static final String READY_PREFIX = "KAFKA READY ";
    public static final String DATA_DIR_PROPERTY = "plurum.kafka.data-dir";
    public static final String PORT_PROPERTY = "plurum.kafka.port";
    public static final String CONTROLLER_PORT_PROPERTY = "plurum.kafka.controller-port";

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final Duration READY_CHECK_TIMEOUT = Duration.ofSeconds(30);
    // Strong references: JUL keeps loggers weakly, and a collected logger would forget its level.
    // Kafka's partition state changes log under their own root, one line per partition and change.
    private static final List<Logger> QUIET_LOGGERS = List.of(Logger.getLogger("org.apache.kafka"),
            Logger.getLogger("kafka"), Logger.getLogger("state.change.logger"));

    private KafkaServerMain() {
    }

    private record Settings(Path dataDir, int brokerPort, int controllerPort) {

        static Settings parse(String[] args) {
            String dataDir = arg(args, 0, DATA_DIR_PROPERTY, null);
            if (dataDir == null) {
                throw new IllegalArgumentException(
                        "Usage: KafkaServerMain DATA_DIR [BROKER_PORT [CONTROLLER_PORT]] (or -D" + DATA_DIR_PROPERTY
                                + ", -D" + PORT_PROPERTY + ", -D" + CONTROLLER_PORT_PROPERTY + ")");
            }
            return new Settings(Path.of(dataDir).toAbsolutePath(),
                    PortFinder.orFree(Integer.parseInt(arg(args, 1, PORT_PROPERTY, "0"))),
                    PortFinder.orFree(Integer.parseInt(arg(args, 2, CONTROLLER_PORT_PROPERTY, "0"))));
        }

        private static String arg(String[] args, int index, String property, String fallback) {
            return index < args.length ? args[index] : System.getProperty(property, fallback);
        }

        String bootstrapServers() {
            return HOST + ":" + brokerPort;
        }
    }

    public static void main(String[] args) {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
        // Watch stdin from the start: a parent that dies while the broker starts must not leave it behind.
        Thread watcher = new Thread(KafkaServerMain::exitAtEndOfStdin, "stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
        try {
            run(Settings.parse(args));
        } catch (Exception e) {
            // Kafka's non-daemon threads would keep a half-started broker alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(Settings settings) throws Exception {
        Files.createDirectories(settings.dataDir());
        formatIfNew(settings.dataDir());
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(brokerConfig(settings)), Time.SYSTEM);
        // SIGTERM and System.exit both run this hook, and the JVM waits for it: the logs are closed cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-shutdown"));
        server.startup();
        awaitClientConnection(settings.bootstrapServers());
        System.out.println(READY_PREFIX + settings.bootstrapServers());
        System.out.flush();
        server.awaitShutdown();
    }

    private static void formatIfNew(Path dataDir) throws Exception {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        new Formatter()
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dataDir.toString()))
                .setMetadataLogDirectory(dataDir.toString())
                .setControllerListenerName("CONTROLLER")
                .run();
    }

    private static Map<String, Object> brokerConfig(Settings settings) {
        String controller = HOST + ":" + settings.controllerPort();
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + controller),
                Map.entry("listeners", "PLAINTEXT://" + settings.bootstrapServers() + ",CONTROLLER://" + controller),
                Map.entry("advertised.listeners", "PLAINTEXT://" + settings.bootstrapServers()),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", settings.dataDir().toString()),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                Map.entry("auto.create.topics.enable", "true"));
    }

    /** READY promises a broker that serves clients: prove it with an answered request. */
    private static void awaitClientConnection(String bootstrapServers) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            admin.describeCluster().nodes().get(READY_CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void exitAtEndOfStdin() {
        try (InputStream in = System.in) {
            while (in.read() != -1) {
                // Input carries no meaning; only its end does.
            }
        } catch (IOException e) {
            // A broken stdin means the parent is gone as surely as EOF does.
        }
        System.exit(0);
    }
}
