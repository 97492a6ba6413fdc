package io.plurum.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Quarkus application of the stack, built by the module of the same name.
 *
 * @param name       module and component name
 * @param database   the PostgreSQL database it owns, or null
 * @param maxHeap    {@code -Xmx}; sized for an idle local stack with room for a demo's load
 * @param jvmOptions extra options this application needs
 */
record ServiceSpec(String name, String database, String maxHeap, List<String> jvmOptions) {

    /** The one that every other service asks about API keys it has not heard of yet. */
    static final ServiceSpec AGENTS = new ServiceSpec("agents-service", "agents", "256m", List.of());
    /** Pulse forwards WebSocket contributions to it. */
    static final ServiceSpec SESSIONS = new ServiceSpec("sessions-service", "sessions", "256m", List.of());
    // The embedding runtime loads native code; Lucene vectorizes only with the incubator module.
    static final ServiceSpec EXPERIENCES = new ServiceSpec("experiences-service", "experiences", "384m",
            List.of("--enable-native-access=ALL-UNNAMED"));
    /** Sessions asks it what matches a session that opens. */
    static final ServiceSpec SEARCH = new ServiceSpec("search-service", null, "512m",
            List.of("--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"));
    static final ServiceSpec PULSE = new ServiceSpec("pulse-service", "pulse", "256m", List.of());

    /** The services behind the gateway; each runs on a free port chosen at start. */
    static final List<ServiceSpec> SERVICES = List.of(AGENTS, SESSIONS, EXPERIENCES, SEARCH, PULSE);

    static final ServiceSpec GATEWAY = new ServiceSpec("gateway", null, "128m", List.of());

    ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maxHeap, "maxHeap");
        jvmOptions = List.copyOf(jvmOptions);
    }

    static List<ServiceSpec> all() {
        return Stream.concat(SERVICES.stream(), Stream.of(GATEWAY)).toList();
    }

    static List<String> databases() {
        return SERVICES.stream().map(ServiceSpec::database).filter(Objects::nonNull).toList();
    }

    Path jar(Path home) {
        return home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
