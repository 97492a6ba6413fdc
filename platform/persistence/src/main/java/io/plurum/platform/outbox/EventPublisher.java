package io.plurum.platform.outbox;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/** Sends one event to the broker; the future completes when the broker acknowledged it. */
public interface EventPublisher {

    CompletableFuture<Void> send(PendingEvent event);

    /** Connects and learns where {@code topics} live, so that the first event does not wait for it. */
    default void warmUp(Collection<String> topics) {
    }
}
