package io.plurum.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code plurum up} and {@code plurum status} are asked to do, read from the environment.
 *
 * @param gatewayPort    {@code PLURUM_PORT}, the gateway's port (8080)
 * @param dataDir        {@code PLURUM_DATA_DIR}, where data, logs and {@code stack.json} live ({@code .plurum/})
 * @param home           {@code PLURUM_HOME}, the repository root that holds the built services (the current dir)
 * @param kafkaBootstrap {@code PLURUM_KAFKA_BOOTSTRAP}, an existing Kafka to use instead of the embedded one, or null
 * @param database       {@code PLURUM_DB_URL}, an existing PostgreSQL to use instead of the embedded one, or null
 * @param startTimeout   {@code PLURUM_START_TIMEOUT} in seconds, how long the whole stack may take to get ready (180)
 */
record Settings(int gatewayPort, Path dataDir, Path home, String kafkaBootstrap, DatabaseServer database,
        Duration startTimeout) {

    Settings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(startTimeout, "startTimeout");
    }

    static Settings fromEnvironment(Map<String, String> env, Path workingDir) {
        return new Settings(
                port(env.getOrDefault("PLURUM_PORT", "8080")),
                workingDir.resolve(nonBlank(env.get("PLURUM_DATA_DIR"), ".plurum")).toAbsolutePath().normalize(),
                workingDir.resolve(nonBlank(env.get("PLURUM_HOME"), ".")).toAbsolutePath().normalize(),
                nonBlank(env.get("PLURUM_KAFKA_BOOTSTRAP"), null),
                env.get("PLURUM_DB_URL") == null || env.get("PLURUM_DB_URL").isBlank() ? null
                        : DatabaseServer.parse(env.get("PLURUM_DB_URL")),
                Duration.ofSeconds(positive("PLURUM_START_TIMEOUT", env.getOrDefault("PLURUM_START_TIMEOUT", "180"))));
    }

    Path stackFile() {
        return dataDir.resolve("stack.json");
    }

    Path logDir() {
        return dataDir.resolve("logs");
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(String value) {
        int port = positive("PLURUM_PORT", value);
        if (port > 65_535) {
            throw new IllegalArgumentException("PLURUM_PORT=" + value + " is not a TCP port");
        }
        return port;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below with the variable's name, which the bare parse error lacks.
        }
        throw new IllegalArgumentException(name + "=" + value + " is not a positive number");
    }
}
