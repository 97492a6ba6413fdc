package io.plurum.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class RelayBatchTest {

    /** A broker stand-in that acknowledges everything except the ids it is told to refuse. */
    static final class FakeBroker implements EventPublisher {
        final List<Long> received = new ArrayList<>();
        Set<Long> refuse = Set.of();

        @Override
        public CompletableFuture<Void> send(PendingEvent event) {
            if (refuse.contains(event.id())) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker unavailable"));
            }
            received.add(event.id());
            return CompletableFuture.completedFuture(null);
        }
    }

    private static List<PendingEvent> rows(long from, long to) {
        List<PendingEvent> rows = new ArrayList<>();
        for (long id = from; id <= to; id++) {
            rows.add(new PendingEvent(id, "plurum.sessions.v1", "session-" + (id % 2), "{\"n\":" + id + "}"));
        }
        return rows;
    }

    @Test
    void shouldPublishInIdOrderAndMarkAll() {
        FakeBroker broker = new FakeBroker();
        RelayBatch.Result result = new RelayBatch(broker, Duration.ofSeconds(1), e -> false).publish(rows(1, 5));
        assertThat(broker.received).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(result.sent()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(result.failed()).isNull();
    }

    @Test
    void shouldMarkOnlyTheAcknowledgedPrefixAndRetryTheRestInOrder() {
        FakeBroker broker = new FakeBroker();
        broker.refuse = Set.of(3L);
        RelayBatch relay = new RelayBatch(broker, Duration.ofSeconds(1), e -> false);

        RelayBatch.Result first = relay.publish(rows(1, 5));
        assertThat(first.sent()).containsExactly(1L, 2L);
        assertThat(first.failed().id()).isEqualTo(3L);
        assertThat(first.error()).contains("broker unavailable");

        broker.refuse = Set.of();
        broker.received.clear();
        RelayBatch.Result retry = relay.publish(rows(3, 5));
        assertThat(broker.received).containsExactly(3L, 4L, 5L);
        assertThat(retry.sent()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void shouldParkARowTheBrokerCanNeverAcceptAndGoOn() {
        EventPublisher broker = event -> event.id() == 2
                ? CompletableFuture.failedFuture(new IllegalArgumentException("record too large"))
                : CompletableFuture.completedFuture(null);
        RelayBatch.Result result = new RelayBatch(broker, Duration.ofSeconds(1),
                e -> e instanceof IllegalArgumentException).publish(rows(1, 3));
        assertThat(result.sent()).containsExactly(1L, 3L);
        assertThat(result.parked()).extracting(RelayBatch.Parked::id).containsExactly(2L);
        assertThat(result.failed()).isNull();
    }

    @Test
    void shouldTreatAThrowingPublisherAsAFailedSend() {
        EventPublisher throwing = event -> {
            throw new IllegalStateException("no metadata");
        };
        RelayBatch.Result result = new RelayBatch(throwing, Duration.ofSeconds(1), e -> false).publish(rows(1, 2));
        assertThat(result.sent()).isEmpty();
        assertThat(result.failed().id()).isEqualTo(1L);
    }

    @Test
    void shouldGiveUpOnAnAckThatNeverComes() {
        EventPublisher silent = event -> new CompletableFuture<>();
        RelayBatch.Result result = new RelayBatch(silent, Duration.ofMillis(50), e -> false).publish(rows(1, 1));
        assertThat(result.sent()).isEmpty();
        assertThat(result.error()).contains("Timeout");
    }
}
