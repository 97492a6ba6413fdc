package io.plurum.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireEnumTest {

    enum EntryKind { DEAD_END, NOTE }

    @Test
    void shouldSpellConstantsInLowercase() {
        assertThat(WireEnum.wire(EntryKind.DEAD_END)).isEqualTo("dead_end");
        assertThat(WireEnum.wire(EntryKind.NOTE)).isEqualTo("note");
    }

    @Test
    void shouldParseOnlyTheExactWireSpelling() {
        assertThat(WireEnum.parse(EntryKind.class, "dead_end")).contains(EntryKind.DEAD_END);
        assertThat(WireEnum.parse(EntryKind.class, "DEAD_END")).isEmpty();
        assertThat(WireEnum.parse(EntryKind.class, "dead-end")).isEmpty();
        assertThat(WireEnum.parse(EntryKind.class, "")).isEmpty();
        assertThat(WireEnum.parse(EntryKind.class, null)).isEmpty();
    }
}
