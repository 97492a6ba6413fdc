package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** How the work behind an experience ended. */
public enum Outcome {
    SUCCESS, PARTIAL, FAILURE;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<Outcome> parse(String wire) {
        return WireEnum.parse(Outcome.class, wire);
    }

    public static final class Column extends WireEnumColumn<Outcome> {
        public Column() {
            super(Outcome.class);
        }
    }
}
