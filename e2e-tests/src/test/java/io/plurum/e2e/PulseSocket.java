package io.plurum.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;

/** A WebSocket to {@code /pulse/ws} as an agent holds it: every message it receives is kept, in order. */
final class PulseSocket implements AutoCloseable {

    private final LinkedBlockingQueue<JsonPath> inbox = new LinkedBlockingQueue<>();
    private final List<JsonPath> seen = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private PulseSocket(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, new Listener()).join();
    }

    /** Connects to {@code wsUrl} (the pulse endpoint, with {@code ?token=} or without). */
    static PulseSocket connect(String wsUrl) {
        return new PulseSocket(URI.create(wsUrl));
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** The first message (received so far or within {@code timeout}) that matches; fails if none comes. */
    JsonPath await(Predicate<JsonPath> matching, Duration timeout) throws InterruptedException {
        for (JsonPath message : seen) {
            if (matching.test(message)) {
                return message;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonPath message = inbox.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message == null) {
                throw new AssertionError("no matching message within " + timeout + "; received " + seen.stream()
                        .map(JsonPath::prettify).toList());
            }
            seen.add(message);
            if (matching.test(message)) {
                return message;
            }
        }
    }

    JsonPath awaitType(String type, Duration timeout) throws InterruptedException {
        return await(message -> type.equals(message.getString("type")), timeout);
    }

    /** The close code the server sent, once it closes the connection within {@code timeout}. */
    int awaitClosed(Duration timeout) throws Exception {
        return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                inbox.add(JsonPath.from(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
