package io.plurum.sessions.mapping;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.ids.Ids;
import io.plurum.sessions.domain.Session;
import io.plurum.sessions.domain.SessionStatus;

/** {@code GET /sessions?status&limit&cursor}, checked. A null status lists every status; a null cursor, page one. */
public record ListQuery(SessionStatus status, int limit, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** 400 naming each parameter that is wrong. */
    public static ListQuery parse(String status, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        SessionStatus parsedStatus = null;
        if (status != null && !status.isEmpty()) {
            parsedStatus = SessionStatus.parse(status).orElse(null);
            if (parsedStatus == null) {
                errors.add(new Problem.FieldError("status", "must be open, closed or abandoned"));
            }
        }
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            parsedLimit = parseLimit(limit);
            if (parsedLimit < 1) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        Cursor parsedCursor = null;
        if (cursor != null && !cursor.isEmpty()) {
            parsedCursor = Cursor.decode(cursor).orElse(null);
            if (parsedCursor == null) {
                errors.add(new Problem.FieldError("cursor", "is not a next_cursor this service gave"));
            }
        }
        if (!errors.isEmpty()) {
            throw new PlurumException.BadRequest(errors.stream().map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElseThrow(), errors);
        }
        return new ListQuery(parsedStatus, parsedLimit, parsedCursor);
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            return value <= MAX_LIMIT ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where a page ended: its last session's start and id, in the list's order. Opaque to clients. */
    public record Cursor(Instant startedAt, UUID id) {

        private static final String VERSION = "s1";

        public static Cursor after(Session last) {
            return new Cursor(last.startedAt, last.id);
        }

        public String encode() {
            String plain = VERSION + "." + ChronoUnit.MICROS.between(Instant.EPOCH, startedAt) + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Cursor> decode(String encoded) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                        .split("\\.");
                if (parts.length != 3 || !VERSION.equals(parts[0])) {
                    return Optional.empty();
                }
                Instant startedAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                return Ids.parseUuid(parts[2]).map(id -> new Cursor(startedAt, id));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
