package io.plurum.pulse.mapping;

import java.util.Locale;
import java.util.Optional;

import io.plurum.platform.http.PageQuery;
import io.plurum.platform.http.QueryParams;
import io.plurum.pulse.domain.InboxEvent;

/**
 * {@code GET /pulse/inbox?limit&unread_only&cursor}, checked. Unread events only unless {@code unread_only=false}:
 * the skill's heartbeat processes every event it is given and then marks all read, so what it is given by default
 * must be what is new.
 */
public record InboxQuery(PageQuery page, boolean unreadOnly) {

    private static final PageQuery.Paging PAGING = new PageQuery.Paging(20, 100, "i1");

    /** 400 naming each parameter that is wrong. */
    public static InboxQuery parse(String limit, String unreadOnly, String cursor) {
        QueryParams params = new QueryParams();
        boolean parsedUnreadOnly = params.read("unread_only", unreadOnly, InboxQuery::flag, "must be true or false")
                .orElse(true);
        PageQuery page = PAGING.read(params, limit, cursor);
        params.check();
        return new InboxQuery(page, parsedUnreadOnly);
    }

    /** The {@code next_cursor} of the page that ends with {@code last}. */
    public static String cursorAfter(InboxEvent last) {
        return PAGING.cursorAfter(last.createdAt(), last.id());
    }

    private static Optional<Boolean> flag(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> Optional.of(true);
            case "false", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
