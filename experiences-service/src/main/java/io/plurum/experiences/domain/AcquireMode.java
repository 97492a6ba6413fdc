package io.plurum.experiences.domain;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

import io.plurum.platform.json.WireEnum;

/** The forms an experience can be acquired in, from a one-paragraph summary to the full reasoning. */
public enum AcquireMode {
    SUMMARY, CHECKLIST, DECISION_TREE, FULL;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Optional<AcquireMode> parse(String wire) {
        return WireEnum.parse(AcquireMode.class, wire);
    }
}
