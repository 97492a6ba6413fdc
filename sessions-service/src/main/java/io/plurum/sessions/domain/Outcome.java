package io.plurum.sessions.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** How a closed session went. */
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
