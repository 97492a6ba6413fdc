package io.plurum.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Publishes one batch of outbox rows in id order and tells which rows may be marked sent: the acknowledged
 * prefix, up to the first failure. Rows after a failure are sent again next time, so per-key order holds and
 * nothing is lost; a consumer may see a duplicate, which idempotent consumers absorb. A row the broker can never
 * accept is parked instead, so that it does not hold back every later row.
 */
public final class RelayBatch {

    private final EventPublisher publisher;
    private final Duration ackTimeout;
    private final Predicate<Throwable> permanent;

    public RelayBatch(EventPublisher publisher, Duration ackTimeout, Predicate<Throwable> permanent) {
        this.publisher = publisher;
        this.ackTimeout = ackTimeout;
        this.permanent = permanent;
    }

    public record Parked(long id, String error) {
    }

    public record Result(List<Long> sent, List<Parked> parked, PendingEvent failed, String error) {
    }

    public Result publish(List<PendingEvent> batch) {
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            acks.add(sendSafely(event));
        }
        List<Long> sent = new ArrayList<>(batch.size());
        List<Parked> parked = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            try {
                acks.get(i).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sent.add(batch.get(i).id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(sent, parked, batch.get(i), "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                if (!permanent.test(cause)) {
                    return new Result(sent, parked, batch.get(i), error);
                }
                parked.add(new Parked(batch.get(i).id(), error));
            }
        }
        return new Result(sent, parked, null, null);
    }

    private CompletableFuture<Void> sendSafely(PendingEvent event) {
        try {
            return publisher.send(event);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
