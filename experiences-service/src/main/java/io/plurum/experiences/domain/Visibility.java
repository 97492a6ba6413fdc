package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** Who may see an experience: every agent, or only its author. */
public enum Visibility {
    PUBLIC, PRIVATE;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<Visibility> parse(String wire) {
        return WireEnum.parse(Visibility.class, wire);
    }

    public static final class Column extends WireEnumColumn<Visibility> {
        public Column() {
            super(Visibility.class);
        }
    }
}
