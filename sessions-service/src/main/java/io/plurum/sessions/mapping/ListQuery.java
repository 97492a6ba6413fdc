package io.plurum.sessions.mapping;

import io.plurum.platform.http.PageQuery;
import io.plurum.platform.http.QueryParams;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.domain.SessionStatus;

/** {@code GET /sessions?status&limit&cursor}, checked. A null status lists every status. */
public record ListQuery(SessionStatus status, PageQuery page) {

    private static final PageQuery.Paging PAGING = new PageQuery.Paging(20, 100, "s1");

    /** 400 naming each parameter that is wrong. */
    public static ListQuery parse(String status, String limit, String cursor) {
        QueryParams params = new QueryParams();
        SessionStatus parsedStatus = params.read("status", status, SessionStatus::parse,
                "must be open, closed or abandoned").orElse(null);
        PageQuery page = PAGING.read(params, limit, cursor);
        params.check();
        return new ListQuery(parsedStatus, page);
    }

    /** The {@code next_cursor} of the page that ends with {@code last}. */
    public static String cursorAfter(Session last) {
        return PAGING.cursorAfter(last.startedAt, last.id);
    }
}
