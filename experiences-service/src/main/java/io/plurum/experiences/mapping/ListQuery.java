package io.plurum.experiences.mapping;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import io.plurum.experiences.domain.Experience;
import io.plurum.experiences.domain.Status;
import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.ids.Ids;

/** {@code GET /experiences?domain&status&limit&cursor}, checked; null fields do not filter. */
public record ListQuery(String domain, Status status, int limit, Cursor after) {

    /** Where a page ended: its last experience's creation time and id, in the listing's order. */
    public record Cursor(Instant createdAt, UUID id) {
    }

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 50;
    private static final String CURSOR_VERSION = "e1";

    /** 400 naming each parameter that is wrong. */
    public static ListQuery parse(String domain, String status, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Status parsedStatus = null;
        if (status != null && !status.isEmpty()) {
            parsedStatus = Status.parse(status).orElse(null);
            if (parsedStatus == null) {
                errors.add(new Problem.FieldError("status", "must be draft or published"));
            }
        }
        int parsedLimit = limit == null || limit.isEmpty() ? DEFAULT_LIMIT : parseLimit(limit);
        if (parsedLimit < 1) {
            errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        Cursor parsedCursor = null;
        if (cursor != null && !cursor.isEmpty()) {
            parsedCursor = decode(cursor).orElse(null);
            if (parsedCursor == null) {
                errors.add(new Problem.FieldError("cursor", "is not a next_cursor this service gave"));
            }
        }
        if (!errors.isEmpty()) {
            throw new PlurumException.BadRequest(errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
        return new ListQuery(domain == null || domain.isBlank() ? null : domain.strip(), parsedStatus, parsedLimit,
                parsedCursor);
    }

    /** The opaque cursor of the page that ends with {@code last}. */
    public static String cursorAfter(Experience last) {
        String plain = CURSOR_VERSION + "." + ChronoUnit.MICROS.between(Instant.EPOCH, last.createdAt) + "." + last.id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<Cursor> decode(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8).split("\\.");
            if (parts.length != 3 || !CURSOR_VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
            return Ids.parseUuid(parts[2]).map(id -> new Cursor(createdAt, id));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            return value <= MAX_LIMIT ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
