package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an experience stands: a draft only its author sees, or published. */
public enum Status {
    DRAFT, PUBLISHED;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Optional<Status> parse(String wire) {
        return Wire.parse(Status.class, wire);
    }

    public static final class Column extends Wire.Column<Status> {
        public Column() {
            super(Status.class);
        }
    }
}
