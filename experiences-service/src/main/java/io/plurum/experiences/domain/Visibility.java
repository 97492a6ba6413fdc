package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who may see an experience: every agent, or only its author. */
public enum Visibility {
    PUBLIC, PRIVATE;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Optional<Visibility> parse(String wire) {
        return Wire.parse(Visibility.class, wire);
    }

    public static final class Column extends Wire.Column<Visibility> {
        public Column() {
            super(Visibility.class);
        }
    }
}
