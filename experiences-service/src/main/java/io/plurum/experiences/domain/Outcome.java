package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the work behind an experience ended. */
public enum Outcome {
    SUCCESS, PARTIAL, FAILURE;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Optional<Outcome> parse(String wire) {
        return Wire.parse(Outcome.class, wire);
    }

    public static final class Column extends Wire.Column<Outcome> {
        public Column() {
            super(Outcome.class);
        }
    }
}
