package io.plurum.sessions.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** What another agent offers to a session. */
public enum ContributionType {
    SUGGESTION, WARNING, REFERENCE;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<ContributionType> parse(String wire) {
        return WireEnum.parse(ContributionType.class, wire);
    }

    public static final class Column extends WireEnumColumn<ContributionType> {
        public Column() {
            super(ContributionType.class);
        }
    }
}
