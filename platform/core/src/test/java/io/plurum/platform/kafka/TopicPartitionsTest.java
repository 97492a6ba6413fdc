package io.plurum.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** {@link TopicInitializer#partitionsOf}: a topic missing from the metadata is asked for again, never skipped. */
class TopicPartitionsTest {

    private static PartitionInfo partition(String topic, int number) {
        return new PartitionInfo(topic, number, null, null, null);
    }

    @Test
    void shouldAskAgainUntilEveryTopicHasPartitions() throws InterruptedException {
        AtomicInteger asked = new AtomicInteger();
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST) {
            @Override
            public synchronized List<PartitionInfo> partitionsFor(String topic) {
                // The second topic appears in the metadata only at the third question.
                if (topic.equals("b") && asked.incrementAndGet() < 3) {
                    return List.of();
                }
                return super.partitionsFor(topic);
            }
        };
        consumer.updatePartitions("a", List.of(partition("a", 0), partition("a", 1)));
        consumer.updatePartitions("b", List.of(partition("b", 0)));

        List<TopicPartition> partitions = TopicInitializer.partitionsInMetadata(consumer, List.of("a", "b"),
                () -> false);

        assertThat(partitions).containsExactlyInAnyOrder(new TopicPartition("a", 0), new TopicPartition("a", 1),
                new TopicPartition("b", 0));
        assertThat(asked).hasValue(3);
    }

    @Test
    void shouldGiveUpWithNothingWhenStopped() throws InterruptedException {
        MockConsumer<String, String> consumer = new MockConsumer<>(OffsetResetStrategy.EARLIEST);
        AtomicInteger checks = new AtomicInteger();
        assertThat(TopicInitializer.partitionsInMetadata(consumer, List.of("never"),
                () -> checks.incrementAndGet() > 2)).isEmpty();
    }
}
