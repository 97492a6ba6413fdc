package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** Where an experience stands: a draft only its author sees, or published. */
public enum Status {
    DRAFT, PUBLISHED;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<Status> parse(String wire) {
        return WireEnum.parse(Status.class, wire);
    }

    public static final class Column extends WireEnumColumn<Status> {
        public Column() {
            super(Status.class);
        }
    }
}
