package io.plurum.pulse.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.plurum.platform.json.Json;

/**
 * The JDK's WebSocket client, keeping what the server sends, and how it closed, for assertions. Its listener is in
 * place before the handshake completes, so a greeting the server sends at once (auth_ok after {@code ?token=}) is
 * never lost; a client that installs its handlers once connected can miss it.
 */
public final class WsClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(URI uri) throws Exception {
        this.socket = CLIENT.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, new Listener())
                .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to {@code endpoint} (http or ws URI), with {@code query} (e.g. "token=...") when not null. */
    public static WsClient connect(URI endpoint, String query) {
        URI uri = URI.create("ws://" + endpoint.getHost() + ":" + endpoint.getPort() + endpoint.getPath()
                + (query == null ? "" : "?" + query));
        try {
            return new WsClient(uri);
        } catch (Exception e) {
            throw new AssertionError("cannot connect to " + uri, e);
        }
    }

    public void send(Object message) {
        sendText(Json.write(message));
    }

    public void sendText(String text) {
        socket.sendText(text, true).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
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
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete((short) statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
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
