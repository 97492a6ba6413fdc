package io.plurum.pulse.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pulse service's knobs; each default works on the local stack. */
@ConfigMapping(prefix = "plurum.pulse")
public interface PulseConfig {

    /** Base URL of sessions-service, where WebSocket contributions are forwarded. */
    @WithDefault("http://localhost:8082")
    String sessionsUrl();

    /** How long a forwarded contribution may take before the agent is told to try again. */
    @WithDefault("5s")
    Duration sessionsTimeout();

    Routing routing();

    Ws ws();

    Presence presence();

    Status status();

    Inbox inbox();

    interface Routing {
        /** Most agents one session event reaches (contributors first, then the best interest matches). */
        @WithDefault("200")
        int maxRecipients();
    }

    interface Ws {
        /** A connection that has not authenticated by then is closed. */
        @WithDefault("10s")
        Duration authTimeout();

        /** Pushes queued for one connection; past this the oldest are dropped (the inbox keeps them all). */
        @WithDefault("256")
        int sendBuffer();

        /** How often connections are checked against the credential cache (rotated keys are closed). */
        @WithDefault("250ms")
        Duration revocationCheck();
    }

    interface Presence {
        /** How often a replica confirms its connected agents (read by the scheduler through its name). */
        @WithDefault("10s")
        Duration heartbeat();

        /** A replica's presence rows count only this long after its last heartbeat. */
        @WithDefault("30s")
        Duration expiry();
    }

    interface Status {
        /** How long a closed session stays in /pulse/status. */
        @WithDefault("24h")
        Duration recentlyClosed();

        @WithDefault("50")
        int maxSessions();

        /** The count of connected agents is exact; only this many of their ids are listed. */
        @WithDefault("100")
        int maxAgentIds();
    }

    interface Inbox {
        /** Inbox events older than this are deleted (the topics they came from keep 7 days). */
        @WithDefault("30d")
        Duration retention();
    }
}
