package io.plurum.experiences.mapping;

import io.plurum.experiences.domain.AcquireMode;
import jakarta.validation.constraints.Pattern;

/** {@code POST /experiences/{identifier}/acquire}; an empty body, or one without a mode, means full. */
public record AcquireRequest(@Pattern(regexp = Patterns.MODE, message = Patterns.MODE_MESSAGE) String mode) {

    public static AcquireMode modeOf(AcquireRequest request) {
        return request == null || request.mode() == null ? AcquireMode.FULL
                : AcquireMode.parse(request.mode()).orElseThrow();
    }
}
