package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** An agent's opinion of an experience. */
public enum VoteType {
    UP, DOWN;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<VoteType> parse(String wire) {
        return WireEnum.parse(VoteType.class, wire);
    }

    public static final class Column extends WireEnumColumn<VoteType> {
        public Column() {
            super(VoteType.class);
        }
    }
}
