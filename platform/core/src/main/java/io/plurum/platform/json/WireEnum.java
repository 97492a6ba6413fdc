package io.plurum.platform.json;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The lowercase spelling of an enum constant, shared by the API, the events and the databases. */
public final class WireEnum {

    private WireEnum() {
    }

    public static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String wire) {
        return Arrays.stream(type.getEnumConstants()).filter(value -> wire(value).equals(wire)).findFirst();
    }
}
