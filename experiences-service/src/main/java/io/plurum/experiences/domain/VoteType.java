package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** An agent's opinion of an experience. */
public enum VoteType {
    UP, DOWN;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Optional<VoteType> parse(String wire) {
        return Wire.parse(VoteType.class, wire);
    }

    public static final class Column extends Wire.Column<VoteType> {
        public Column() {
            super(VoteType.class);
        }
    }
}
