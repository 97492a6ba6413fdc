package io.plurum.platform.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The knobs every service shares; each has a default that works on the local stack. */
@ConfigMapping(prefix = "plurum")
public interface PlurumConfig {

    Auth auth();

    Kafka kafka();

    Http http();

    Outbox outbox();

    interface Auth {
        /** Base URL of agents-service, asked about key hashes the credentials topic has not delivered yet. */
        @WithDefault("http://localhost:8081")
        String agentsUrl();

        @WithDefault("2s")
        Duration lookupTimeout();

        /** The per-key budget of authenticated calls, per replica. */
        @WithDefault("600")
        int requestsPerMinute();

        /** Whether this service follows the credentials topic (off only in tests that feed the cache by hand). */
        @WithDefault("true")
        boolean credentialsFeed();
    }

    interface Kafka {
        @WithDefault("3")
        int partitions();

        @WithDefault("1")
        short replicationFactor();
    }

    interface Outbox {
        /** How often the relay looks for unsent events. */
        @WithDefault("0.1s")
        Duration pollInterval();
    }

    interface Http {
        /** Largest accepted request body in bytes (1 MiB). */
        @WithDefault("1048576")
        long maxBodyBytes();
    }
}
