package io.plurum.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;

class QueryParamsTest {

    private static Optional<Integer> digit(String value) {
        return value.length() == 1 && Character.isDigit(value.charAt(0))
                ? Optional.of(value.charAt(0) - '0') : Optional.empty();
    }

    @Test
    void shouldLeaveAbsentParametersEmptyWithoutError() {
        QueryParams params = new QueryParams();
        assertThat(params.read("a", null, QueryParamsTest::digit, "must be a digit")).isEmpty();
        assertThat(params.read("b", "", QueryParamsTest::digit, "must be a digit")).isEmpty();
        assertThat(params.read("c", "7", QueryParamsTest::digit, "must be a digit")).contains(7);
        params.check();
    }

    @Test
    void shouldNameEveryWrongParameterInTheOrderRead() {
        QueryParams params = new QueryParams();
        params.read("status", "paused", QueryParamsTest::digit, "must be a digit");
        params.read("limit", "3", QueryParamsTest::digit, "must be a digit");
        params.read("cursor", "x", QueryParamsTest::digit, "is not a digit");
        assertThatThrownBy(params::check).isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.problem().errors()).containsExactly(new Problem.FieldError("status", "must be a digit"),
                    new Problem.FieldError("cursor", "is not a digit"));
            assertThat(e.problem().detail()).isEqualTo("status must be a digit; cursor is not a digit");
        });
    }
}
