package io.plurum.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.plurum.gateway.proxy.Routes.Route;
import io.vertx.core.http.HttpMethod;

class RoutesTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /agents/register, AGENTS",
            "GET, /agents, AGENTS",
            "PATCH, /sessions/AbC12345, SESSIONS",
            "POST, /experiences/search, SEARCH",
            "GET, /experiences/AbC12345/similar, SEARCH",
            "GET, /experiences/search, EXPERIENCES",
            "POST, /experiences/search/, EXPERIENCES",
            "GET, /experiences//similar, EXPERIENCES",
            "GET, /experiences/AbC12345/similar/more, EXPERIENCES",
            "GET, /experiences, EXPERIENCES",
            "GET, /pulse/ws, PULSE"
    })
    void shouldResolveEachPathToItsService(String method, String path, Upstream upstream) {
        assertThat(Routes.resolve(HttpMethod.valueOf(method), path)).map(Route::upstream).contains(upstream);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/unknown", "//agents", "/%61gents/me", "/Agents"})
    void shouldResolveNothingOutsideTheTable(String path) {
        assertThat(Routes.resolve(HttpMethod.GET, path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/internal", "/api/v1/Internal/x", "/api/v1/a/internal;jsessionid=1", "/api/v1/%49NTERNAL",
            "/api/v1/a/./b", "/api/v1/a/%2E%2E/b", "/api/v1/a\\..\\b", "/api/v1/a/%255C..%255Cb",
            "/api/v1/a/%2525252525", "/api/v1/a/%zz", "/api/v1/a/internal%3Bx"
    })
    void shouldForbidInternalAndClimbingPaths(String rawPath) {
        assertThat(Routes.isForbidden(rawPath)).isTrue();
    }

    @Test
    void shouldAllowOrdinaryPaths() {
        assertThat(Routes.isForbidden("/api/v1/experiences/AbC12345/similar")).isFalse();
        assertThat(Routes.isForbidden("/api/v1/sessions/internals")).isFalse();
        assertThat(Routes.isForbidden("/api/v1/experiences/v1.2...final")).isFalse();
        assertThat(Routes.isForbidden("/api/v1/experiences/a%20b")).isFalse();
    }
}
