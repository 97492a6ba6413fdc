package io.plurum.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Sends one event to the broker; the future completes when the broker acknowledged it. */
public interface EventPublisher {

    CompletableFuture<Void> send(PendingEvent event);
}
