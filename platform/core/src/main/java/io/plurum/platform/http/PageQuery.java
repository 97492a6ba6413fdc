package io.plurum.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.plurum.platform.ids.Ids;

/**
 * The {@code limit} and {@code cursor} of a keyset-paged listing: at most {@code limit} rows after {@code after}, or
 * from the start when it is null.
 */
public record PageQuery(int limit, Cursor after) {

    /** Where the previous page ended: its last row's time and id, in the listing's order. */
    public record Cursor(Instant at, UUID id) {
    }

    /**
     * How one listing pages. Its cursors are opaque to clients and carry the listing's tag, so that a cursor from
     * another listing (or an older format) is refused rather than misread.
     */
    public record Paging(int defaultLimit, int maxLimit, String cursorTag) {

        /** A wrong {@code limit} or {@code cursor} is reported through {@code params}. */
        public PageQuery read(QueryParams params, String limit, String cursor) {
            int parsedLimit = params.read("limit", limit, this::limit, "must be a whole number from 1 to " + maxLimit)
                    .orElse(defaultLimit);
            Cursor after = params.read("cursor", cursor, this::cursor, "is not a next_cursor this service gave")
                    .orElse(null);
            return new PageQuery(parsedLimit, after);
        }

        /** The {@code next_cursor} of a page whose last row is at {@code at} with id {@code id}. */
        public String cursorAfter(Instant at, UUID id) {
            String plain = cursorTag + "." + ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        private Optional<Integer> limit(String value) {
            try {
                int parsed = Integer.parseInt(value.strip());
                return parsed >= 1 && parsed <= maxLimit ? Optional.of(parsed) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        private Optional<Cursor> cursor(String encoded) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8)
                        .split("\\.");
                if (parts.length != 3 || !cursorTag.equals(parts[0])) {
                    return Optional.empty();
                }
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[1]), ChronoUnit.MICROS);
                return Ids.parseUuid(parts[2]).map(id -> new Cursor(at, id));
            } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
                return Optional.empty();
            }
        }
    }
}
