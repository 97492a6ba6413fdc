package io.plurum.bench.pulse;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;

/** Many agents connected to /pulse/ws at once, each noting when a session_opened push reaches it. */
final class Fleet implements AutoCloseable {

    /** One push received: which session it announced, and when (System.nanoTime of this JVM). */
    record Delivery(String sessionId, long receivedNanos) {
    }

    private static final String SESSION_OPENED = "{\"type\":\"session_opened\"";
    private static final String SESSION_ID = "\"session_id\":\"";

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final WebSocketClient client;
    private final Queue<WebSocket> sockets = new ConcurrentLinkedQueue<>();
    private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    private final AtomicInteger failures = new AtomicInteger();

    Fleet(int connections) {
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(connections + 10)
                .setConnectTimeout(30_000));
    }

    /**
     * Opens one connection per key with {@code ?token=}, at most {@code inFlight} handshakes at a time, and returns
     * once every connection has its auth_ok (or failed).
     */
    void connect(URI endpoint, List<String> keys, int inFlight, Duration timeout) throws InterruptedException {
        CountDownLatch authenticated = new CountDownLatch(keys.size());
        Semaphore handshakes = new Semaphore(inFlight);
        for (String key : keys) {
            handshakes.acquire();
            WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(endpoint.getHost())
                    .setPort(endpoint.getPort()).setURI(endpoint.getPath() + "?token=" + key);
            ClientWebSocket socket = client.webSocket();
            socket.textMessageHandler(text -> {
                if (text.startsWith(SESSION_OPENED)) {
                    long now = System.nanoTime();
                    int at = text.indexOf(SESSION_ID) + SESSION_ID.length();
                    deliveries.add(new Delivery(text.substring(at, at + 36), now));
                } else if (text.contains("\"auth_ok\"")) {
                    handshakes.release();
                    authenticated.countDown();
                }
            });
            socket.connect(options).onComplete(connected -> {
                if (connected.succeeded()) {
                    sockets.add(socket);
                } else {
                    failures.incrementAndGet();
                    handshakes.release();
                    authenticated.countDown();
                }
            });
        }
        if (!authenticated.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(authenticated.getCount() + " connections not authenticated in time");
        }
    }

    int open() {
        return (int) sockets.stream().filter(socket -> !socket.isClosed()).count();
    }

    int failures() {
        return failures.get();
    }

    Queue<Delivery> deliveries() {
        return deliveries;
    }

    @Override
    public void close() {
        sockets.forEach(WebSocket::close);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
