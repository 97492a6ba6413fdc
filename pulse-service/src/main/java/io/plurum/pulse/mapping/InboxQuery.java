package io.plurum.pulse.mapping;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.errors.PlurumException;
import io.plurum.platform.errors.Problem;
import io.plurum.platform.ids.Ids;
import io.plurum.pulse.domain.InboxEvent;

/**
 * {@code GET /pulse/inbox?limit&unread_only&cursor}, checked. Unread events only unless {@code unread_only=false}:
 * the skill's heartbeat processes every event it is given and then marks all read, so what it is given by default
 * must be what is new.
 */
public record InboxQuery(int limit, boolean unreadOnly, Cursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** 400 naming each parameter that is wrong. */
    public static InboxQuery parse(String limit, String unreadOnly, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int parsedLimit = DEFAULT_LIMIT;
        if (limit != null && !limit.isEmpty()) {
            parsedLimit = parseLimit(limit);
            if (parsedLimit < 1) {
                errors.add(new Problem.FieldError("limit", "must be a whole number from 1 to " + MAX_LIMIT));
            }
        }
        Boolean parsedUnreadOnly = Boolean.TRUE;
        if (unreadOnly != null && !unreadOnly.isEmpty()) {
            parsedUnreadOnly = switch (unreadOnly.strip().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> null;
            };
            if (parsedUnreadOnly == null) {
                errors.add(new Problem.FieldError("unread_only", "must be true or false"));
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
        return new InboxQuery(parsedLimit, parsedUnreadOnly, parsedCursor);
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            return value <= MAX_LIMIT ? value : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Where a page ended: its last event's time and id, in the inbox's order. Opaque to clients. */
    public record Cursor(Instant createdAt, UUID id) {

        private static final String VERSION = "i1";

        public static Cursor after(InboxEvent last) {
            return new Cursor(last.createdAt, last.id);
        }

        public String encode() {
            String plain = VERSION + "." + ChronoUnit.MICROS.between(Instant.EPOCH, createdAt) + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        static Optional<Cursor> decode(String encoded) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                        .split("\\.");
                if (parts.length != 3 || !VERSION.equals(parts[0])) {
                    return Optional.empty();
                }
                Instant createdAt = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                return Ids.parseUuid(parts[2]).map(id -> new Cursor(createdAt, id));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
