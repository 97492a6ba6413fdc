package io.plurum.pulse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.json.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/** A plain Vert.x WebSocket client that keeps what the server sends, and how it closed, for assertions. */
public final class WsClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final WebSocketClient CLIENT = Vertx.vertx().createWebSocketClient();

    private final ClientWebSocket socket = CLIENT.webSocket();
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();

    /** Handlers are in place before the handshake, or a greeting sent at once could be lost. */
    private WsClient() {
        socket.textMessageHandler(text -> received.add(parse(text)));
        socket.closeHandler(ignored -> closed.complete(socket.closeStatusCode()));
    }

    /** Connects to {@code endpoint} (http or ws URI), with {@code query} (e.g. "token=...") when not null. */
    public static WsClient connect(URI endpoint, String query) {
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost())
                .setPort(endpoint.getPort()).setURI(endpoint.getPath() + (query == null ? "" : "?" + query));
        WsClient client = new WsClient();
        try {
            client.socket.connect(options).toCompletionStage().toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (Exception e) {
            throw new AssertionError("cannot connect to " + endpoint, e);
        }
    }

    public void send(Object message) {
        sendText(Json.write(message));
    }

    public void sendText(String text) {
        socket.writeTextMessage(text);
    }

    /** The next message; fails when none comes within {@link #WAIT}. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within " + WAIT).isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message of {@code type}, skipping others (e.g. pushes that other tests caused). */
    public JsonNode next(String type) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
        throw new AssertionError("no " + type + " message within " + WAIT);
    }

    /** Nothing arrives within {@code quiet}. */
    public void assertNothingWithin(Duration quiet) throws InterruptedException {
        assertThat(received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)).isNull();
    }

    /** The close status code the server sent; fails when the connection stays open. */
    public short awaitClosed() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the connection was not closed within " + WAIT, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }

    private static JsonNode parse(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the server sent something that is not JSON: " + text, e);
        }
    }
}
