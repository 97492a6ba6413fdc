package io.plurum.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.plurum.gateway.proxy.Upstream;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

class OpenApiMergerTest {

    /** A routing table in small: sessions and pulse by prefix, search for POST /experiences/search only. */
    private final OpenApiMerger merger = new OpenApiMerger("/api/v1", OpenApiMergerTest::destination, "1.0");

    @Test
    void shouldPublishOperationsBelowThePrefixTaggedWithTheirService() {
        JsonObject merged = merger.merge(List.of(
                service(Upstream.SESSIONS, paths("/sessions", "get"), new JsonObject()),
                service(Upstream.PULSE, paths("/pulse/status", "get"), new JsonObject())));

        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactlyInAnyOrder(
                "/api/v1/sessions", "/api/v1/pulse/status");
        assertThat(operation(merged, "/api/v1/sessions", "get").getJsonArray("tags")).containsExactly("sessions");
        assertThat(merged.getJsonArray("tags").stream().map(tag -> ((JsonObject) tag).getString("name")))
                .containsExactly("sessions", "pulse");
    }

    @Test
    void shouldKeepTheTagsAServiceGaveItsOperations() {
        JsonObject paths = paths("/sessions", "get");
        paths.getJsonObject("/sessions").getJsonObject("get").put("tags", new JsonArray().add("Journal"));

        JsonObject merged = merger.merge(List.of(service(Upstream.SESSIONS, paths, new JsonObject())));

        assertThat(operation(merged, "/api/v1/sessions", "get").getJsonArray("tags")).containsExactly("Journal");
    }

    @Test
    void shouldLeaveOutOperationsTheGatewayDoesNotRouteToTheService() {
        JsonObject paths = paths("/internal/credentials/{hash}", "get")
                .mergeIn(paths("/experiences/search", "get", "post"))
                .mergeIn(paths("/sessions", "get"));

        JsonObject merged = merger.merge(List.of(service(Upstream.SEARCH, paths, new JsonObject())));

        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/experiences/search");
        assertThat(merged.getJsonObject("paths").getJsonObject("/api/v1/experiences/search").fieldNames())
                .containsExactly("post");
    }

    @Test
    void shouldLeaveOutComponentsOnlyLeftOutOperationsUse() {
        JsonObject paths = paths("/internal/matches", "post").mergeIn(paths("/pulse/status", "get"));
        refer(paths, "/internal/matches", "post", "MatchRequest");
        refer(paths, "/pulse/status", "get", "PulseStatus");
        JsonObject components = new JsonObject()
                .put("schemas", new JsonObject()
                        .put("MatchRequest", object())
                        .put("PulseStatus", objectReferring("Instant"))
                        .put("Instant", new JsonObject().put("type", "string")))
                .put("securitySchemes", new JsonObject().put("api_key", bearer()));

        JsonObject merged = merger.merge(List.of(service(Upstream.PULSE, paths, components)));

        assertThat(merged.getJsonObject("components").getJsonObject("schemas").fieldNames())
                .containsExactlyInAnyOrder("PulseStatus", "Instant");
        assertThat(merged.getJsonObject("components").getJsonObject("securitySchemes").fieldNames())
                .containsExactly("api_key");
    }

    @Test
    void shouldMergeEqualComponentsOnceAndRenameClashingOnesWithTheirReferences() {
        JsonObject sessionsPaths = paths("/sessions", "get");
        refer(sessionsPaths, "/sessions", "get", "Page");
        JsonObject pulsePaths = paths("/pulse/status", "get");
        refer(pulsePaths, "/pulse/status", "get", "Page");
        JsonObject sessionsComponents = schemas(new JsonObject()
                .put("Page", objectReferring("Item"))
                .put("Item", new JsonObject().put("type", "string"))
                .put("UUID", new JsonObject().put("format", "uuid")));
        // Page is written alike, but refers to an Item that is not: both must be told apart.
        JsonObject pulseComponents = schemas(new JsonObject()
                .put("Page", objectReferring("Item"))
                .put("Item", new JsonObject().put("type", "integer"))
                .put("UUID", new JsonObject().put("format", "uuid")));

        JsonObject merged = merger.merge(List.of(
                service(Upstream.SESSIONS, sessionsPaths, sessionsComponents),
                service(Upstream.PULSE, pulsePaths, pulseComponents)));

        JsonObject schemas = merged.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.fieldNames()).containsExactlyInAnyOrder("Page", "Item", "pulse.Page", "pulse.Item");
        assertThat(schemas.getJsonObject("pulse.Item").getString("type")).isEqualTo("integer");
        assertThat(schemas.getJsonObject("pulse.Page").encode()).contains("#/components/schemas/pulse.Item");
        assertThat(schemaReference(merged, "/api/v1/pulse/status")).isEqualTo("#/components/schemas/pulse.Page");
        assertThat(schemaReference(merged, "/api/v1/sessions")).isEqualTo("#/components/schemas/Page");
    }

    @Test
    void shouldAcceptTheKeyEverywhereAndRequireItNowhereInParticular() {
        JsonObject components = new JsonObject().put("securitySchemes", new JsonObject().put("api_key", bearer()));

        JsonObject merged = merger.merge(List.of(
                service(Upstream.SESSIONS, paths("/sessions", "get"), components),
                service(Upstream.PULSE, paths("/pulse/status", "get"), components.copy())));

        assertThat(merged.getJsonArray("security")).containsExactly(
                new JsonObject().put("api_key", new JsonArray()), new JsonObject());
    }

    @Test
    void shouldNameTheServicesThatGaveNoDocument() {
        JsonObject merged = merger.merge(List.of(
                ServiceDocument.missing(Upstream.AGENTS),
                service(Upstream.SESSIONS, paths("/sessions", "get"), new JsonObject()),
                ServiceDocument.missing(Upstream.PULSE)));

        assertThat(merged.getJsonArray(OpenApiMerger.MISSING_SERVICES)).containsExactly("agents", "pulse");
        assertThat(merged.getJsonObject("info").getString("description")).contains("did not answer: agents, pulse");
        assertThat(merged.getJsonObject("paths").fieldNames()).containsExactly("/api/v1/sessions");
    }

    @Test
    void shouldNameNoServiceWhenAllAnswered() {
        JsonObject merged = merger.merge(List.of(service(Upstream.SESSIONS, paths("/sessions", "get"),
                new JsonObject())));

        assertThat(merged.containsKey(OpenApiMerger.MISSING_SERVICES)).isFalse();
        assertThat(merged.getJsonObject("info").getString("description")).doesNotContain("did not answer");
    }

    private static Optional<Upstream> destination(HttpMethod method, String path) {
        if (path.startsWith("/api/v1/sessions")) {
            return Optional.of(Upstream.SESSIONS);
        }
        if (path.startsWith("/api/v1/pulse/")) {
            return Optional.of(Upstream.PULSE);
        }
        if (path.equals("/api/v1/experiences/search") && method == HttpMethod.POST) {
            return Optional.of(Upstream.SEARCH);
        }
        return Optional.empty();
    }

    private static ServiceDocument service(Upstream upstream, JsonObject paths, JsonObject components) {
        return ServiceDocument.of(upstream, new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", upstream.displayName()))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "http://localhost:8081")))
                .put("paths", paths)
                .put("components", components));
    }

    private static JsonObject paths(String path, String... methods) {
        JsonObject item = new JsonObject();
        for (String method : methods) {
            item.put(method, new JsonObject().put("responses", new JsonObject()
                    .put("200", new JsonObject().put("description", "OK"))));
        }
        return new JsonObject().put(path, item);
    }

    private static void refer(JsonObject paths, String path, String method, String schema) {
        paths.getJsonObject(path).getJsonObject(method).getJsonObject("responses").getJsonObject("200")
                .put("content", new JsonObject().put("application/json", new JsonObject()
                        .put("schema", new JsonObject().put("$ref", "#/components/schemas/" + schema))));
    }

    private static JsonObject operation(JsonObject merged, String path, String method) {
        return merged.getJsonObject("paths").getJsonObject(path).getJsonObject(method);
    }

    private static String schemaReference(JsonObject merged, String path) {
        return operation(merged, path, "get").getJsonObject("responses").getJsonObject("200")
                .getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
                .getString("$ref");
    }

    private static JsonObject schemas(JsonObject schemas) {
        return new JsonObject().put("schemas", schemas);
    }

    private static JsonObject object() {
        return new JsonObject().put("type", "object");
    }

    private static JsonObject objectReferring(String schema) {
        return object().put("properties", new JsonObject()
                .put("item", new JsonObject().put("$ref", "#/components/schemas/" + schema)));
    }

    private static JsonObject bearer() {
        return new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "plrm_live_...");
    }
}
