package io.plurum.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void shouldMakeEightCharacterAlphanumericShortIds() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String id = Ids.newShortId();
            assertThat(id).matches("[A-Za-z0-9]{8}");
            ids.add(id);
        }
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void shouldTellShortIdsFromUuids() {
        UUID id = Ids.newId();
        assertThat(Ids.isShortId("aB3dE6gH")).isTrue();
        assertThat(Ids.isShortId("aB3dE6g")).isFalse();
        assertThat(Ids.isShortId("aB3dE6g!")).isFalse();
        assertThat(Ids.isShortId(id.toString())).isFalse();
        assertThat(Ids.parseUuid(id.toString())).contains(id);
        assertThat(Ids.parseUuid("aB3dE6gH")).isEmpty();
        assertThat(Ids.parseUuid("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).isEmpty();
        assertThat(Ids.parseUuid(null)).isEmpty();
    }
}
