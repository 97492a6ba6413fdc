package io.plurum.platform.safety;

import java.util.Objects;

/**
 * One kind of secret in one field, e.g. {@code dead_ends[2].why} holds a GitHub token. It carries no part of the
 * matched text on purpose, so it can be logged, returned in a 422 and put in events without leaking the secret.
 */
public record Finding(String field, FindingKind kind) {

    public Finding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(kind, "kind");
    }

    /** A sentence for the error answer, e.g. "content.code contains an API key (OpenAI style)". */
    public String message() {
        return field + " contains " + kind.description();
    }
}
