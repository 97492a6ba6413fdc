package io.plurum.sessions.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;
import io.plurum.platform.persistence.WireEnumColumn;

/** Where a session stands: open while the agent works, then closed (with an outcome) or abandoned. */
public enum SessionStatus {
    OPEN, CLOSED, ABANDONED;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<SessionStatus> parse(String wire) {
        return WireEnum.parse(SessionStatus.class, wire);
    }

    public static final class Column extends WireEnumColumn<SessionStatus> {
        public Column() {
            super(SessionStatus.class);
        }
    }
}
