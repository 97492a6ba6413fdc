package io.plurum.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;

class PageQueryTest {

    private static final PageQuery.Paging PAGING = new PageQuery.Paging(20, 100, "s1");
    private static final Instant AT = Instant.parse("2026-02-07T14:30:00.123456Z");
    private static final UUID ID = UUID.fromString("6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11");
    private static final String WRONG_CURSOR = "is not a next_cursor this service gave";

    @Test
    void shouldDefaultToTheFirstPageOfTheDefaultSize() {
        assertThat(read(null, null)).isEqualTo(new PageQuery(20, null));
        assertThat(read("", "")).isEqualTo(new PageQuery(20, null));
    }

    @Test
    void shouldReadTheCursorItWrote() {
        assertThat(read("100", PAGING.cursorAfter(AT, ID)))
                .isEqualTo(new PageQuery(100, new PageQuery.Cursor(AT, ID)));
    }

    @Test
    void shouldRejectLimitsOutsideOneToTheMaximum() {
        for (String limit : new String[] {"0", "101", "-5", "2.5", "many", "99999999999", " "}) {
            assertThatThrownBy(() -> read(limit, null)).as(limit)
                    .isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> assertThat(e.problem().errors())
                            .containsExactly(new Problem.FieldError("limit", "must be a whole number from 1 to 100")));
        }
        assertThat(read("1", null).limit()).isEqualTo(1);
        assertThat(read(" 100 ", null).limit()).isEqualTo(100);
    }

    @Test
    void shouldRejectCursorsItDidNotWrite() {
        String otherListing = new PageQuery.Paging(20, 100, "i1").cursorAfter(AT, ID);
        for (String cursor : new String[] {encode("s1.1.not-a-uuid"),
                encode("s1.99999999999999999999.6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11"),
                encode("s2.1.6f1c7a0e-8d7b-4a34-9a51-7d7e5f6f0a11"), otherListing, "%%%", "czE"}) {
            assertThatThrownBy(() -> read(null, cursor)).as(cursor)
                    .isInstanceOfSatisfying(PlurumException.BadRequest.class, e -> assertThat(e.problem().errors())
                            .containsExactly(new Problem.FieldError("cursor", WRONG_CURSOR)));
        }
    }

    private static PageQuery read(String limit, String cursor) {
        QueryParams params = new QueryParams();
        PageQuery page = PAGING.read(params, limit, cursor);
        params.check();
        return page;
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
