package io.plurum.agents.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "plurum.agents")
public interface AgentsConfig {

    Registration registration();

    interface Registration {
        /** Successful registrations allowed per client address within {@link #window()}. */
        @WithDefault("5")
        int limit();

        @WithDefault("1h")
        Duration window();
    }
}
