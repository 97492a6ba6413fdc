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
 * prefix, up to the first failure. Rows from the failed one on are sent again next time, so order holds and
 * nothing is lost. A row the broker can never
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

    /**
     * Sends one row at a time, each after the previous one's ack: when the broker comes back in the middle of a
     * batch, no later row gets ahead of an earlier one that failed, so nothing is published twice.
     */
    public Result publish(List<PendingEvent> batch) {
        List<Long> sent = new ArrayList<>(batch.size());
        List<Parked> parked = new ArrayList<>();
        for (PendingEvent event : batch) {
            try {
                sendSafely(event).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
                sent.add(event.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(sent, parked, event, "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                String error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                if (!permanent.test(cause)) {
                    return new Result(sent, parked, event, error);
                }
                parked.add(new Parked(event.id(), error));
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
