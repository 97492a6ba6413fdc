package io.plurum.platform.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;

/**
 * Reads query parameters from their text, so that a wrong one is answered with a 400 naming it (and every other wrong
 * one), not with the 404 that JAX-RS gives a query parameter it cannot convert.
 */
public final class QueryParams {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    /** Empty when the parameter is absent, and also when it does not parse, which {@link #check()} then reports. */
    public <T> Optional<T> read(String name, String value, Function<String, Optional<T>> parser, String mustBe) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        Optional<T> parsed = parser.apply(value);
        if (parsed.isEmpty()) {
            errors.add(new Problem.FieldError(name, mustBe));
        }
        return parsed;
    }

    /** @throws PlurumException.BadRequest naming each parameter that did not parse, in the order they were read */
    public void check() {
        if (!errors.isEmpty()) {
            throw new PlurumException.BadRequest(errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), List.copyOf(errors));
        }
    }
}
