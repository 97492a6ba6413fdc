package io.plurum.sessions.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.http.PageQuery;
import io.plurum.sessions.domain.SessionStatus;

class ListQueryTest {

    @Test
    void shouldDefaultToTwentyOfAnyStatusFromTheStart() {
        assertThat(ListQuery.parse(null, null, null)).isEqualTo(new ListQuery(null, new PageQuery(20, null)));
        assertThat(ListQuery.parse("", "", "")).isEqualTo(new ListQuery(null, new PageQuery(20, null)));
    }

    @Test
    void shouldReadStatusAndLimitsUpToHundred() {
        assertThat(ListQuery.parse("closed", "100", null))
                .isEqualTo(new ListQuery(SessionStatus.CLOSED, new PageQuery(100, null)));
        assertThatThrownBy(() -> ListQuery.parse(null, "101", null)).isInstanceOf(PlurumException.BadRequest.class);
    }

    @Test
    void shouldNameEachWrongParameter() {
        assertThatThrownBy(() -> ListQuery.parse("paused", "0", "garbage"))
                .isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> assertThat(e.problem().errors())
                        .containsExactly(new Problem.FieldError("status", "must be open, closed or abandoned"),
                                new Problem.FieldError("limit", "must be a whole number from 1 to 100"),
                                new Problem.FieldError("cursor", "is not a next_cursor this service gave")));
    }
}
