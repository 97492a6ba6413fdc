package io.plurum.sessions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plurum.sessions")
public interface SessionsConfig {

    /** Entries one session may hold. */
    @WithDefault("1000")
    int maxEntries();

    /** Largest content of one entry or contribution, as JSON in UTF-8 (64 KiB). */
    @WithDefault("65536")
    int maxContentBytes();

    /**
     * Entry content one session may hold in total. session.closed carries all of it in one Kafka message, whose
     * default limit is 1 MiB; this leaves room for the envelope and the per-entry fields of 1,000 entries.
     */
    @WithDefault("655360")
    long maxSessionContentBytes();
}
