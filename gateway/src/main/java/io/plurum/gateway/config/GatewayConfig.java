package io.plurum.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.plurum.gateway.proxy.Upstream;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the gateway listens for agents and where it sends them; every default works on one machine. */
@ConfigMapping(prefix = "plurum.gateway")
public interface GatewayConfig {

    /** The public path prefix, without a trailing slash; it is removed before a request goes upstream. */
    @WithDefault("/api/v1")
    String prefix();

    Upstreams upstream();

    /**
     * How long an upstream may stay silent, waiting for its response or between two chunks of it, before the
     * caller gets a 504. Also bounds opening a connection to it.
     */
    @WithDefault("30s")
    Duration timeout();

    /**
     * Off, the gateway is the edge: it replaces whatever X-Forwarded-* and Forwarded headers the caller sent.
     * On, it keeps them and appends the peer, for when a proxy it trusts stands in front of it.
     */
    @WithDefault("false")
    boolean trustForwardedHeaders();

    /** Open connections per upstream; more concurrent requests wait for one. */
    @WithDefault("100")
    int maxConnectionsPerUpstream();

    /**
     * The API base URL agents are told in the skill files and the API docs, e.g. {@code https://plurum.example/api/v1};
     * the skill files themselves are announced at this URL less the prefix. Unset, each request's own scheme and Host
     * make it, or its X-Forwarded-Proto and X-Forwarded-Host when forwarded headers are trusted.
     */
    Optional<URI> publicUrl();

    Docs docs();

    interface Docs {

        /** How long the merged OpenAPI document is served before the services are asked for theirs again. */
        @WithDefault("10s")
        Duration cacheTtl();
    }

    /** Base URLs of the services; a path in one (e.g. {@code http://host/base}) is kept in front. */
    interface Upstreams {

        @WithDefault("http://localhost:8081")
        URI agents();

        @WithDefault("http://localhost:8082")
        URI sessions();

        @WithDefault("http://localhost:8083")
        URI experiences();

        @WithDefault("http://localhost:8084")
        URI search();

        @WithDefault("http://localhost:8085")
        URI pulse();

        default URI of(Upstream upstream) {
            return switch (upstream) {
                case AGENTS -> agents();
                case SESSIONS -> sessions();
                case EXPERIENCES -> experiences();
                case SEARCH -> search();
                case PULSE -> pulse();
            };
        }
    }
}
