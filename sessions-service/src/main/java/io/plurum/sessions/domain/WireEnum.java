package io.plurum.sessions.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;

/** The lowercase spelling shared by the API, the events and the database for this service's enums. */
final class WireEnum {

    private WireEnum() {
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> wire(value).equals(wire)).findFirst();
    }

    /** Stores an enum as its wire spelling, which the migration's check constraints expect. */
    abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : wire(value);
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : parse(type, column)
                    .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " " + column));
        }
    }
}
