package io.plurum.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WireEnumColumnTest {

    enum EntryKind { DEAD_END, NOTE }

    static final class EntryKindColumn extends WireEnumColumn<EntryKind> {
        EntryKindColumn() {
            super(EntryKind.class);
        }
    }

    private final EntryKindColumn column = new EntryKindColumn();

    @Test
    void shouldStoreTheWireSpellingAndReadItBack() {
        assertThat(column.convertToDatabaseColumn(EntryKind.DEAD_END)).isEqualTo("dead_end");
        assertThat(column.convertToEntityAttribute("dead_end")).isEqualTo(EntryKind.DEAD_END);
        assertThat(column.convertToDatabaseColumn(null)).isNull();
        assertThat(column.convertToEntityAttribute(null)).isNull();
    }

    @Test
    void shouldRefuseAColumnValueNoConstantSpells() {
        assertThatThrownBy(() -> column.convertToEntityAttribute("DEAD_END"))
                .isInstanceOf(IllegalStateException.class).hasMessage("unknown EntryKind DEAD_END");
    }
}
