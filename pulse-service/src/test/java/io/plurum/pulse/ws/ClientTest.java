package io.plurum.pulse.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/** The bounded outgoing queue of one connection, against a socket whose writes complete only when told to. */
class ClientTest {

    /** A connection whose every write stays pending until {@link #completeWrites()}. */
    private static final class SlowSocket {

        final List<String> written = new ArrayList<>();
        final Deque<CompletableFuture<Void>> pending = new ArrayDeque<>();

        WebSocketConnection connection() {
            return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { WebSocketConnection.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "sendText" -> {
                            written.add((String) args[0]);
                            CompletableFuture<Void> write = new CompletableFuture<>();
                            pending.add(write);
                            yield Uni.createFrom().completionStage(write);
                        }
                        case "isOpen" -> true;
                        case "id" -> "slow";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        void completeWrites() {
            while (!pending.isEmpty()) {
                pending.poll().complete(null);
            }
        }
    }

    @Test
    void shouldWriteOneMessageAtATimeInOrder() {
        SlowSocket socket = new SlowSocket();
        Client client = new Client(socket.connection(), UUID.randomUUID(), "hash", "key", 10, () -> {
        }, Runnable::run);

        client.send("m1");
        client.send("m2");
        assertThat(socket.written).containsExactly("m1");

        socket.completeWrites();
        assertThat(socket.written).containsExactly("m1", "m2");
    }

    @Test
    void shouldDropTheOldestQueuedMessagesOfAClientThatDoesNotRead() {
        SlowSocket socket = new SlowSocket();
        AtomicInteger dropped = new AtomicInteger();
        Client client = new Client(socket.connection(), UUID.randomUUID(), "hash", "key", 3, dropped::incrementAndGet,
                Runnable::run);

        for (int i = 1; i <= 6; i++) {
            client.send("m" + i);
        }

        // m1 is being written; m2 to m6 compete for three places, so the two oldest of them go.
        assertThat(dropped).hasValue(2);
        socket.completeWrites();
        assertThat(socket.written).containsExactly("m1", "m4", "m5", "m6");
    }
}
