package io.plurum.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * Real HTTP servers standing in for the five services, each echoing what reached it as JSON (a {@code delay_ms}
 * query parameter makes it slow, a body over {@link #BODY_LIMIT} gets a 413), and echoing WebSocket messages after a
 * greeting that describes the upgrade. As {@code /q/openapi} each serves the document its service generates
 * ({@code openapi/<service>.json}), internal endpoints left in, as a service that forgot to hide them would.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    /** Init argument: comma-separated services to point at a closed port instead of a server. */
    public static final String DOWN = "down";
    static final String HOST = "127.0.0.1";
    private static final String OPENAPI_PATH = "/q/openapi";
    static final long BODY_LIMIT = 3 * 1024 * 1024;

    private Set<String> down = Set.of();
    private Vertx vertx;

    @Override
    public void init(Map<String, String> initArgs) {
        down = Arrays.stream(initArgs.getOrDefault(DOWN, "").split(","))
                .map(String::trim)
                .collect(Collectors.toSet());
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        Map<String, String> config = new HashMap<>();
        config.put("plurum.gateway.timeout", "1s");
        for (Upstream upstream : Upstream.values()) {
            String service = upstream.name().toLowerCase(Locale.ROOT);
            int port = down.contains(service) ? closedPort() : startEcho(service);
            config.put("plurum.gateway.upstream." + service, "http://" + HOST + ":" + port);
        }
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private int startEcho(String service) {
        try {
            return vertx.createHttpServer()
                    .requestHandler(request -> {
                        if (isWebSocketUpgrade(request)) {
                            request.toWebSocket().onSuccess(socket -> greetAndEcho(service, socket));
                        } else if (OPENAPI_PATH.equals(request.path())) {
                            serveOpenApi(service, request);
                        } else if (declaresTooLargeBody(request)) {
                            refuseBody(request);
                        } else {
                            request.body().onSuccess(body -> reply(service, request, body));
                        }
                    })
                    .listen(0, HOST)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("echo server for " + service + " did not start", e);
        }
    }

    private void reply(String service, HttpServerRequest request, Buffer body) {
        JsonObject echo = new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("path", request.path())
                .put("query", request.query())
                .put("headers", headers(request.headers()))
                .put("body_length", body.length())
                .put("body_sha256", sha256(body.getBytes()))
                .put("body", body.toString());
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            // As the services do, so the gateway must not send the id twice.
            request.response().putHeader("X-Request-Id", requestId);
        }
        String delay = request.getParam("delay_ms");
        long delayMillis = delay == null ? 0 : Long.parseLong(delay);
        Runnable send = () -> request.response().putHeader("Content-Type", "application/json").end(echo.toBuffer());
        if (delayMillis > 0) {
            vertx.setTimer(delayMillis, id -> send.run());
        } else {
            send.run();
        }
    }

    private static void serveOpenApi(String service, HttpServerRequest request) {
        try (InputStream document = EchoUpstreams.class.getResourceAsStream("/openapi/" + service + ".json")) {
            request.response()
                    .putHeader("Content-Type", "application/json")
                    .end(Buffer.buffer(document.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Upgrades are taken in the request handler, not a webSocketHandler: without a WebSocket extension Quarkus sets
     * vertx.disableWebsockets for the whole JVM, and these servers share the JVM with the gateway under test.
     */
    private static boolean isWebSocketUpgrade(HttpServerRequest request) {
        return "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    private static boolean declaresTooLargeBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return length != null && Long.parseLong(length) > BODY_LIMIT;
    }

    /** As the services do: refused before a byte of the body is read, and the connection closed. */
    private static void refuseBody(HttpServerRequest request) {
        request.response()
                .setStatusCode(413)
                .putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close")
                .end(new JsonObject().put("status", 413).put("title", "Payload too large").toBuffer());
    }

    private static void greetAndEcho(String service, ServerWebSocket socket) {
        socket.textMessageHandler(socket::writeTextMessage);
        socket.binaryMessageHandler(socket::writeBinaryMessage);
        socket.writeTextMessage(new JsonObject()
                .put("service", service)
                .put("path", socket.path())
                .put("query", socket.query())
                .put("headers", headers(socket.headers()))
                .encode());
    }

    private static JsonObject headers(MultiMap headers) {
        JsonObject json = new JsonObject();
        for (String name : headers.names()) {
            json.put(name.toLowerCase(Locale.ROOT), String.join(", ", headers.getAll(name)));
        }
        return json;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
