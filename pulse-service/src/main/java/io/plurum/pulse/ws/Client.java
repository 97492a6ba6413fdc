package io.plurum.pulse.ws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.Executor;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * One authenticated connection. Its outgoing messages go out one at a time through a bounded queue: a client that
 * reads slower than events arrive loses the oldest queued pushes (each is also in its inbox) instead of making the
 * server hold an unbounded backlog.
 */
final class Client {

    private final WebSocketConnection connection;
    private final UUID agentId;
    private final String keyHash;
    private final String apiKey;
    private final int capacity;
    private final Deque<String> queue = new ArrayDeque<>();
    private final Runnable onDrop;
    private final Executor loop;
    private boolean sending;

    /**
     * {@code apiKey} is kept (in memory only) to forward the agent's contributions under its own identity;
     * {@code loop} is the event loop that owns the connection, where writes cost least.
     */
    Client(WebSocketConnection connection, UUID agentId, String keyHash, String apiKey, int capacity,
           Runnable onDrop, Executor loop) {
        this.connection = connection;
        this.loop = loop;
        this.agentId = agentId;
        this.keyHash = keyHash;
        this.apiKey = apiKey;
        this.capacity = capacity;
        this.onDrop = onDrop;
    }

    String id() {
        return connection.id();
    }

    UUID agentId() {
        return agentId;
    }

    String keyHash() {
        return keyHash;
    }

    String apiKey() {
        return apiKey;
    }

    Executor loop() {
        return loop;
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    void send(String message) {
        boolean dropped;
        boolean idle;
        synchronized (this) {
            dropped = queue.size() >= capacity;
            if (dropped) {
                queue.pollFirst();
            }
            queue.addLast(message);
            idle = !sending;
            sending = true;
        }
        if (dropped) {
            onDrop.run();
        }
        if (idle) {
            sendNext();
        }
    }

    /** Says why, then closes; what is still queued is dropped. */
    Uni<Void> close(String error, CloseReason reason) {
        synchronized (this) {
            queue.clear();
        }
        return connection.sendText(Messages.error(error)).onFailure().recoverWithNull()
                .chain(() -> connection.close(reason));
    }

    private void sendNext() {
        String next;
        synchronized (this) {
            next = connection.isOpen() ? queue.pollFirst() : null;
            if (next == null) {
                queue.clear();
                sending = false;
                return;
            }
        }
        connection.sendText(next).subscribe().with(sent -> sendNext(), failure -> sendNext());
    }
}
