package io.plurum.platform.persistence;

import io.plurum.platform.json.WireEnum;
import jakarta.persistence.AttributeConverter;

/** Stores an enum as its wire spelling, which the migrations' check constraints expect. */
public abstract class WireEnumColumn<E extends Enum<E>> implements AttributeConverter<E, String> {

    private final Class<E> type;

    protected WireEnumColumn(Class<E> type) {
        this.type = type;
    }

    @Override
    public String convertToDatabaseColumn(E value) {
        return value == null ? null : WireEnum.wire(value);
    }

    @Override
    public E convertToEntityAttribute(String column) {
        return column == null ? null : WireEnum.parse(type, column)
                .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " " + column));
    }
}
