package io.plurum.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one batch of outbox rows in id order and tells which rows may be marked sent: the acknowledged
 * prefix, up to the first failure. Rows after a failure are sent again next time, so per-key order holds and
 * nothing is lost; a consumer may see a duplicate, which idempotent consumers absorb.
 */
public final class RelayBatch {

    private final EventPublisher publisher;
    private final Duration ackTimeout;

    public RelayBatch(EventPublisher publisher, Duration ackTimeout) {
        this.publisher = publisher;
        this.ackTimeout = ackTimeout;
    }

    public record Result(List<Long> sent, PendingEvent failed, String error) {
    }

    public Result publish(List<PendingEvent> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            acks.add(sendSafely(event));
        }
        List<Long> sent = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sent.add(batch.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(sent, batch.get(i), "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                return new Result(sent, batch.get(i), cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return new Result(sent, null, null);
    }

    private CompletableFuture<Void> sendSafely(PendingEvent event) {
        try {
            return publisher.send(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
