package io.plurum.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.plurum.platform.embedded.EmbeddedKafka;
import io.plurum.platform.embedded.EmbeddedPostgresServer;
import io.plurum.platform.embedded.PortFinder;

/**
 * The local stack: Kafka and PostgreSQL (embedded unless the settings name existing servers), the five services and
 * the gateway. Kafka and PostgreSQL start side by side, then all six applications at once (their ports are chosen
 * up front, so none waits for another); {@link #stop()} takes them down in the reverse order.
 */
final class Stack {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private static final String LOOPBACK = "127.0.0.1";

    private final Settings settings;
    private final ServiceProcess.Launch launch;
    private final PrintStream out;
    private final Probe probe = new Probe();
    private final long startNanos = System.nanoTime();
    private final Instant startedAt = Instant.now();

    // Guarded by this: a stop that arrives while the stack starts must find everything started so far.
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess gateway;
    private EmbeddedKafka kafka;
    private EmbeddedPostgresServer postgres;
    private FileLock dataDirLock;
    private boolean stopping;

    Stack(Settings settings, ServiceProcess.Launch launch, PrintStream out) {
        this.settings = settings;
        this.launch = launch;
        this.out = out;
    }

    /** Starts everything and returns once every application reports ready; throws if anything does not. */
    void start() throws InterruptedException {
        Instant deadline = startedAt.plus(settings.startTimeout());
        checkApplicationsBuilt();
        checkGatewayPortFree();
        lockDataDir();
        Infrastructure infrastructure = startInfrastructure(deadline);
        List<ServiceProcess> applications = launchApplications(infrastructure);
        writeStackFile(infrastructure, applications);
        awaitReady(applications, deadline);
        watchForCrashes(applications);
    }

    private void checkApplicationsBuilt() {
        List<String> missing = ServiceSpec.all().stream()
                .map(spec -> spec.jar(settings.home()))
                .filter(jar -> !Files.isRegularFile(jar))
                .map(Path::toString)
                .toList();
        if (!missing.isEmpty()) {
            throw new StartFailure("not built yet (./plurum up builds what is missing): " + String.join(", ", missing),
                    null);
        }
    }

    private void checkGatewayPortFree() {
        try (ServerSocket ignored = new ServerSocket(settings.gatewayPort())) {
            // Free: the gateway binds it in a moment.
        } catch (IOException e) {
            throw new StartFailure("port " + settings.gatewayPort() + " is in use; choose another with PLURUM_PORT",
                    null);
        }
    }

    /** One launcher per data directory: two would fight over the same Kafka log and PostgreSQL cluster. */
    private void lockDataDir() {
        try {
            Files.createDirectories(settings.logDir());
            FileChannel channel = FileChannel.open(settings.dataDir().resolve("launcher.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            dataDirLock = channel.tryLock();
            if (dataDirLock == null) {
                channel.close();
                throw new StartFailure("Plurum already runs on " + settings.dataDir()
                        + " (see ./plurum status); stop it or choose another PLURUM_DATA_DIR", null);
            }
        } catch (IOException e) {
            throw new StartFailure("cannot use the data directory " + settings.dataDir() + ": " + e.getMessage(),
                    null, e);
        }
    }

    private record Infrastructure(String kafkaBootstrap, Long kafkaPid, DatabaseServer database, Long postgresPid) {
    }

    private Infrastructure startInfrastructure(Instant deadline) {
        CompletableFuture<EmbeddedKafka> embeddedKafka = settings.kafkaBootstrap() != null
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> startKafka(deadline));
        DatabaseServer database;
        try {
            database = settings.database() != null ? settings.database() : startPostgres(deadline);
            createDatabases(database);
        } catch (RuntimeException e) {
            // Let Kafka finish starting, so that the stop that follows this failure finds it and waits for it.
            embeddedKafka.exceptionally(kafkaFailure -> null).join();
            throw e;
        }
        try {
            EmbeddedKafka startedKafka = embeddedKafka.join();
            return new Infrastructure(
                    startedKafka == null ? settings.kafkaBootstrap() : startedKafka.bootstrapServers(),
                    startedKafka == null ? null : startedKafka.pid(),
                    database, settings.database() != null ? null : postmasterPid());
        } catch (CompletionException e) {
            throw e.getCause() instanceof StartFailure failure ? failure : e;
        }
    }

    private EmbeddedKafka startKafka(Instant deadline) {
        Path log = settings.logDir().resolve("kafka.log");
        try {
            EmbeddedKafka started = EmbeddedKafka.start(EmbeddedKafka.Options.of(settings.dataDir().resolve("kafka"))
                    .withLogFile(log)
                    .withStartTimeout(remaining(deadline)));
            adopt(started);
            progress("kafka ready at " + started.bootstrapServers());
            return started;
        } catch (IOException | UncheckedIOException e) {
            throw new StartFailure("kafka did not start: " + e.getMessage(), log, e);
        }
    }

    private synchronized void adopt(EmbeddedKafka started) {
        if (stopping) {
            started.close();
            throw new StartFailure("stopped while Kafka was starting", null);
        }
        kafka = started;
    }

    private DatabaseServer startPostgres(Instant deadline) {
        Path log = settings.logDir().resolve("postgres.log");
        try {
            LauncherLogging.routePostgresTo(log);
            EmbeddedPostgresServer started = EmbeddedPostgresServer.start(
                    EmbeddedPostgresServer.Options.of(settings.dataDir().resolve("postgres"))
                            .withStartTimeout(remaining(deadline)));
            adopt(started);
            progress("postgres ready on port " + started.port());
            return new DatabaseServer("localhost", started.port(), started.username(), started.password());
        } catch (StartFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StartFailure("postgres did not start: " + e.getMessage(), log, e);
        }
    }

    private synchronized void adopt(EmbeddedPostgresServer started) throws IOException {
        if (stopping) {
            started.close();
            throw new StartFailure("stopped while PostgreSQL was starting", null);
        }
        postgres = started;
    }

    /** The postmaster's pid, for status and for anyone checking that a stop left nothing behind. */
    private Long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(settings.dataDir().resolve("postgres/postmaster.pid"))
                    .getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private void createDatabases(DatabaseServer database) {
        try {
            database.ensureDatabases(ServiceSpec.databases());
        } catch (SQLException e) {
            throw new StartFailure("cannot create the databases on " + database + ": " + e.getMessage(),
                    settings.database() != null ? null : settings.logDir().resolve("postgres.log"), e);
        }
    }

    private List<ServiceProcess> launchApplications(Infrastructure infrastructure) {
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.SERVICES.forEach(spec -> ports.put(spec, PortFinder.freePort()));
        ports.put(ServiceSpec.GATEWAY, settings.gatewayPort());
        // Services find each other through the variables their application.properties read, as on Kubernetes.
        Map<String, String> peers = Map.of(
                "PLURUM_AGENTS_URL", "http://" + LOOPBACK + ":" + ports.get(ServiceSpec.AGENTS),
                "PLURUM_SESSIONS_URL", "http://" + LOOPBACK + ":" + ports.get(ServiceSpec.SESSIONS),
                "PLURUM_SEARCH_URL", "http://" + LOOPBACK + ":" + ports.get(ServiceSpec.SEARCH));

        List<ServiceProcess> launched = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.SERVICES) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.http.port", String.valueOf(ports.get(spec)));
            // Only the gateway faces clients; internal endpoints stay unreachable from other machines.
            properties.put("quarkus.http.host", LOOPBACK);
            properties.put("kafka.bootstrap.servers", infrastructure.kafkaBootstrap());
            // The embedding model's tokenizer phones home for usage tracking unless both of these say no.
            properties.put("ai.djl.offline", "true");
            Map<String, String> environment = new LinkedHashMap<>(peers);
            environment.put("OPT_OUT_TRACKING", "true");
            if (spec.database() != null) {
                DatabaseServer database = infrastructure.database();
                properties.put("quarkus.datasource.reactive.url", database.reactiveUrl(spec.database()));
                properties.put("quarkus.datasource.jdbc.url", database.jdbcUrl(spec.database()));
                environment.put("QUARKUS_DATASOURCE_USERNAME", database.username());
                environment.put("QUARKUS_DATASOURCE_PASSWORD", database.password());
            }
            launched.add(startApplication(spec, ports.get(spec), properties, environment));
        }
        Map<String, String> gatewayProperties = new LinkedHashMap<>();
        gatewayProperties.put("quarkus.http.port", String.valueOf(settings.gatewayPort()));
        // The gateway names its upstreams after the services, without the suffix: plurum.gateway.upstream.agents.
        launched.forEach(service -> gatewayProperties.put(
                "plurum.gateway.upstream." + service.name().replaceFirst("-service$", ""),
                service.baseUrl().toString()));
        launched.add(startApplication(ServiceSpec.GATEWAY, settings.gatewayPort(), gatewayProperties, Map.of()));
        return launched;
    }

    private synchronized ServiceProcess startApplication(ServiceSpec spec, int port, Map<String, String> properties,
            Map<String, String> environment) {
        if (stopping) {
            throw new StartFailure("stopped while the applications were starting", null);
        }
        Path log = settings.logDir().resolve(spec.name() + ".log");
        try {
            ServiceProcess process = ServiceProcess.start(spec, port, properties, environment, launch,
                    settings.dataDir().resolve(spec.name()), log);
            if (spec == ServiceSpec.GATEWAY) {
                gateway = process;
            } else {
                services.add(process);
            }
            return process;
        } catch (IOException e) {
            throw new StartFailure(spec.name() + " did not start: " + e.getMessage(), log, e);
        }
    }

    private void writeStackFile(Infrastructure infrastructure, List<ServiceProcess> applications) {
        List<StackFile.Component> components = new ArrayList<>();
        String bootstrap = infrastructure.kafkaBootstrap();
        components.add(new StackFile.Component("kafka", infrastructure.kafkaPid(), portOf(bootstrap), bootstrap, null,
                infrastructure.kafkaPid() == null ? null : settings.logDir().resolve("kafka.log").toString()));
        DatabaseServer database = infrastructure.database();
        components.add(new StackFile.Component("postgres", infrastructure.postgresPid(), database.port(),
                database.toString(), null,
                infrastructure.postgresPid() == null ? null : settings.logDir().resolve("postgres.log").toString()));
        for (ServiceProcess application : applications) {
            URI url = application == gateway ? apiUrl() : application.baseUrl();
            components.add(new StackFile.Component(application.name(), application.pid(), application.port(),
                    url.toString(), application.readyUrl().toString(), application.log().toString()));
        }
        try {
            new StackFile(ProcessHandle.current().pid(), startedAt.toString(), settings.dataDir().toString(),
                    apiUrl().toString(), components).write(settings.stackFile());
        } catch (IOException e) {
            throw new StartFailure("cannot write " + settings.stackFile() + ": " + e.getMessage(), null, e);
        }
    }

    /** The first port of a {@code host:port[,host:port...]} list. */
    private static int portOf(String bootstrapServers) {
        String first = bootstrapServers.split(",")[0].trim();
        return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
    }

    URI apiUrl() {
        return URI.create("http://localhost:" + settings.gatewayPort() + "/api/v1");
    }

    private void awaitReady(List<ServiceProcess> applications, Instant deadline) throws InterruptedException {
        Set<ServiceProcess> pending = new LinkedHashSet<>(applications);
        while (!pending.isEmpty()) {
            for (var iterator = pending.iterator(); iterator.hasNext(); ) {
                ServiceProcess application = iterator.next();
                if (!application.process().isAlive()) {
                    throw new StartFailure(application.name() + " exited with code "
                            + application.process().exitValue() + " before it was ready", application.log());
                }
                if (probe.readiness(application.readyUrl()) == 200) {
                    iterator.remove();
                    progress(application.name() + " ready on port " + application.port());
                }
            }
            if (!pending.isEmpty() && Instant.now().isAfter(deadline)) {
                ServiceProcess late = pending.iterator().next();
                throw new StartFailure(late.name() + " was not ready within " + settings.startTimeout().toSeconds()
                        + " s (" + late.readyUrl() + "; PLURUM_START_TIMEOUT allows more)", late.log());
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    /** A crash after start is reported at once; the rest of the stack keeps serving. */
    private void watchForCrashes(List<ServiceProcess> applications) {
        for (ServiceProcess application : applications) {
            application.process().onExit().thenRun(() -> {
                synchronized (this) {
                    if (stopping) {
                        return;
                    }
                }
                out.println("plurum: " + application.name() + " exited with code " + application.process().exitValue()
                        + "; see " + application.log());
            });
        }
    }

    /**
     * Stops everything this stack started and waits until it is gone: the gateway first, so that no request reaches
     * a service on its way out, then the services, then Kafka and PostgreSQL. Safe to call more than once.
     */
    void stop() {
        ServiceProcess stoppingGateway;
        List<ServiceProcess> stoppingServices;
        EmbeddedKafka stoppingKafka;
        EmbeddedPostgresServer stoppingPostgres;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            stoppingGateway = gateway;
            stoppingServices = List.copyOf(services);
            stoppingKafka = kafka;
            stoppingPostgres = postgres;
        }
        if (stoppingGateway == null && stoppingServices.isEmpty() && stoppingKafka == null
                && stoppingPostgres == null) {
            releaseDataDir();
            return;
        }
        out.println("plurum: stopping");
        if (stoppingGateway != null) {
            stopAll(List.of(stoppingGateway));
        }
        stopAll(stoppingServices);
        CompletableFuture<Void> kafkaStopped = stoppingKafka == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(stoppingKafka::close);
        if (stoppingPostgres != null) {
            try {
                stoppingPostgres.close();
            } catch (IOException e) {
                out.println("plurum: postgres did not stop cleanly: " + e.getMessage());
            }
        }
        kafkaStopped.join();
        try {
            Files.deleteIfExists(settings.stackFile());
        } catch (IOException e) {
            out.println("plurum: cannot remove " + settings.stackFile() + ": " + e.getMessage());
        }
        releaseDataDir();
        out.println("plurum: stopped");
    }

    private void stopAll(List<ServiceProcess> applications) {
        applications.forEach(ServiceProcess::requestStop);
        for (ServiceProcess application : applications) {
            try {
                application.awaitExit(STOP_GRACE);
            } catch (InterruptedException e) {
                application.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void releaseDataDir() {
        if (dataDirLock != null) {
            try {
                dataDirLock.channel().close();
            } catch (IOException e) {
                // The lock dies with the process anyway.
            }
        }
    }

    private static Duration remaining(Instant deadline) {
        Duration remaining = Duration.between(Instant.now(), deadline);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    /** A start-up step, with the seconds since the start. */
    private void progress(String message) {
        out.printf("plurum: %s (%.1f s)%n", message, (System.nanoTime() - startNanos) / 1e9);
    }
}
