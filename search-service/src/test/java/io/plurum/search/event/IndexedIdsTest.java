package io.plurum.search.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IndexedIdsTest {

    @Test
    void shouldAgreeWithAHashMapThroughPutsRemovalsAndGrowth() {
        Random random = new Random(7);
        IndexedIds ids = new IndexedIds();
        Map<UUID, IndexedIds.Indexed> expected = new HashMap<>();
        List<UUID> known = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            if (!known.isEmpty() && random.nextInt(3) == 0) {
                UUID id = known.remove(random.nextInt(known.size()));
                ids.remove(id);
                expected.remove(id);
            } else {
                UUID id = !known.isEmpty() && random.nextBoolean() ? known.get(random.nextInt(known.size()))
                        : new UUID(random.nextLong(), random.nextLong());
                IndexedIds.Indexed hashes = new IndexedIds.Indexed(random.nextLong(), random.nextLong());
                if (expected.put(id, hashes) == null) {
                    known.add(id);
                }
                ids.put(id, hashes.contentHash(), hashes.stateHash());
            }
        }

        assertThat(ids.size()).isEqualTo(expected.size());
        expected.forEach((id, hashes) -> assertThat(ids.get(id)).isEqualTo(hashes));
        assertThat(ids.get(UUID.randomUUID())).isNull();
    }

    @Test
    void shouldListTheIdsNotPutSinceTheMarksWereCleared() {
        IndexedIds ids = new IndexedIds();
        UUID replayed = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        ids.put(replayed, 1, 1);
        ids.put(gone, 2, 2);

        ids.clearMarks();
        ids.put(replayed, 1, 3);

        assertThat(ids.unmarked()).containsExactly(gone);
        assertThat(ids.get(replayed)).isEqualTo(new IndexedIds.Indexed(1, 3));
    }
}
