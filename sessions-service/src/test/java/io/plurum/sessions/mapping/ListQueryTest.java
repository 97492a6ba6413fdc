package io.plurum.sessions.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.sessions.domain.SessionStatus;

class ListQueryTest {

    @Test
    void shouldDefaultToTwentyOfAnyStatusFromTheStart() {
        assertThat(ListQuery.parse(null, null, null)).isEqualTo(new ListQuery(null, 20, null));
        assertThat(ListQuery.parse("", "", "")).isEqualTo(new ListQuery(null, 20, null));
    }

    @Test
    void shouldReadTheCursorItWrote() {
        ListQuery.Cursor cursor = new ListQuery.Cursor(Instant.parse("2026-02-07T14:30:00.123456Z"),
                UUID.fromString("6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11"));
        assertThat(ListQuery.parse("closed", "100", cursor.encode()))
                .isEqualTo(new ListQuery(SessionStatus.CLOSED, 100, cursor));
    }

    @Test
    void shouldNameEachWrongParameter() {
        assertThatThrownBy(() -> ListQuery.parse("paused", "0", "garbage"))
                .isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> assertThat(e.problem().errors())
                        .extracting(Problem.FieldError::field).containsExactly("status", "limit", "cursor"));
    }

    @Test
    void shouldRejectLimitsOutsideOneToHundred() {
        for (String limit : new String[] {"0", "101", "-5", "2.5", "many", "99999999999"}) {
            assertThatThrownBy(() -> ListQuery.parse(null, limit, null)).as(limit)
                    .isInstanceOf(PlurumException.BadRequest.class);
        }
        assertThat(ListQuery.parse(null, "1", null).limit()).isEqualTo(1);
    }

    @Test
    void shouldRejectCursorsItDidNotWrite() {
        for (String cursor : new String[] {encode("s1.1.not-a-uuid"),
                encode("s1.99999999999999999999.6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11"),
                encode("s2.1.6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11"), "%%%", "czE"}) {
            assertThatThrownBy(() -> ListQuery.parse(null, null, cursor)).as(cursor)
                    .isInstanceOf(PlurumException.BadRequest.class);
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
