package io.plurum.experiences.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import jakarta.persistence.AttributeConverter;

/** The lowercase spelling that the API, the events and the database share for this service's enums. */
final class Wire {

    private Wire() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> of(value).equals(wire)).findFirst();
    }

    /** Stores an enum as its wire spelling, which the migration's check constraints expect. */
    abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {

        private final Class<E> type;

        Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : of(value);
        }

        @Override
        public E convertToEntityAttribute(String column) {
            return column == null ? null : parse(type, column)
                    .orElseThrow(() -> new IllegalStateException("unknown " + type.getSimpleName() + " " + column));
        }
    }
}
