package io.plurum.experiences.mapping;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.Status;
import io.plurum.platform.http.PageQuery;
import io.plurum.platform.http.QueryParams;

/** {@code GET /experiences?domain&status&limit&cursor}, checked; null fields do not filter. */
public record ListQuery(String domain, Status status, PageQuery page) {

    private static final PageQuery.Paging PAGING = new PageQuery.Paging(20, 50, "e1");

    /** 400 naming each parameter that is wrong. */
    public static ListQuery parse(String domain, String status, String limit, String cursor) {
        QueryParams params = new QueryParams();
        Status parsedStatus = params.read("status", status, Status::parse, "must be draft or published").orElse(null);
        PageQuery page = PAGING.read(params, limit, cursor);
        params.check();
        return new ListQuery(domain == null || domain.isBlank() ? null : domain.strip(), parsedStatus, page);
    }

    /** The opaque cursor of the page that ends with {@code last}. */
    public static String cursorAfter(Experience last) {
        return PAGING.cursorAfter(last.createdAt, last.id);
    }
}
