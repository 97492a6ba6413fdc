package io.plurum.pulse.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.plurum.platform.json.Json;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Stands in for sessions-service's contribute endpoint: it accepts every contribution except to session
 * {@value #MISSING}, which it answers with a 404 problem, and it shows what it was sent on {@code GET /_captured}
 * (over HTTP, because this class and the test may live in different class loaders).
 */
public class FakeSessions implements QuarkusTestResourceLifecycleManager {

    public static final String MISSING = "Missing1";
    public static final String URL_PROPERTY = "plurum.pulse.sessions-url";

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        List<Map<String, Object>> captured = new ArrayList<>();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sessions/", exchange -> contribute(exchange, captured));
        server.createContext("/_captured", exchange -> {
            synchronized (captured) {
                respond(exchange, 200, "application/json", Json.write(captured));
            }
        });
        server.start();
        return Map.of(URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void contribute(HttpExchange exchange, List<Map<String, Object>> captured) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = Json.mapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", exchange.getRequestMethod());
        request.put("path", path);
        request.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
        request.put("body", body);
        synchronized (captured) {
            captured.add(request);
        }
        String sessionId = path.split("/")[2];
        if (MISSING.equals(sessionId)) {
            respond(exchange, 404, "application/problem+json", Json.write(Map.of("type",
                    "https://plurum.dev/problems/not-found", "title", "Not found", "status", 404,
                    "detail", "No such session.")));
            return;
        }
        Map<String, Object> contribution = new LinkedHashMap<>();
        contribution.put("id", UUID.randomUUID());
        contribution.put("session_id", sessionId);
        contribution.put("content", body.get("content"));
        contribution.put("contribution_type", body.path("contribution_type").asText("suggestion"));
        contribution.put("created_at", Instant.now().toString());
        respond(exchange, 201, "application/json", Json.write(contribution));
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
