package io.plurum.platform.errors;

import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as problem+json with its status. Services throw the subclasses
 * ({@link NotFound}, {@link Conflict}, ...); one mapper turns them into responses.
 */
public abstract class PlurumException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    protected PlurumException(int status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Problem problem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), fieldErrors());
    }

    public int status() {
        return status;
    }

    protected List<Problem.FieldError> fieldErrors() {
        return null;
    }

    /** Extra response headers (e.g. Retry-After). */
    public Map<String, String> headers() {
        return Map.of();
    }

    public static final class BadRequest extends PlurumException {
        private final List<Problem.FieldError> errors;

        public BadRequest(String detail) {
            this(detail, null);
        }

        public BadRequest(String detail, List<Problem.FieldError> errors) {
            super(400, "bad-request", "Bad request", detail);
            this.errors = errors;
        }

        public static BadRequest field(String field, String message) {
            return new BadRequest(field + ": " + message, List.of(new Problem.FieldError(field, message)));
        }

        @Override
        protected List<Problem.FieldError> fieldErrors() {
            return errors;
        }
    }

    public static final class Unauthorized extends PlurumException {
        public Unauthorized(String detail) {
            super(401, "unauthorized", "Unauthorized", detail);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("WWW-Authenticate", "Bearer");
        }
    }

    public static final class Forbidden extends PlurumException {
        public Forbidden(String detail) {
            super(403, "forbidden", "Forbidden", detail);
        }
    }

    public static final class NotFound extends PlurumException {
        public NotFound(String detail) {
            super(404, "not-found", "Not found", detail);
        }
    }

    public static final class Conflict extends PlurumException {
        public Conflict(String detail) {
            super(409, "conflict", "Conflict", detail);
        }
    }

    public static final class PayloadTooLarge extends PlurumException {
        public PayloadTooLarge(String detail) {
            super(413, "payload-too-large", "Payload too large", detail);
        }
    }

    /** Content safety: the content would publish a secret or personal data. */
    public static final class Unprocessable extends PlurumException {
        private final List<Problem.FieldError> errors;

        public Unprocessable(String detail, List<Problem.FieldError> errors) {
            super(422, "unsafe-content", "Unprocessable content", detail);
            this.errors = errors;
        }

        @Override
        protected List<Problem.FieldError> fieldErrors() {
            return errors;
        }
    }

    public static final class RateLimited extends PlurumException {
        private final Map<String, String> headers;

        public RateLimited(String detail, long limit, long remaining, long resetSeconds) {
            super(429, "rate-limited", "Too many requests", detail);
            String reset = Long.toString(Math.max(1, resetSeconds));
            this.headers = Map.of("Retry-After", reset, "RateLimit-Limit", Long.toString(limit),
                    "RateLimit-Remaining", Long.toString(remaining), "RateLimit-Reset", reset);
        }

        @Override
        public Map<String, String> headers() {
            return headers;
        }
    }

    public static final class Unavailable extends PlurumException {
        public Unavailable(String detail) {
            super(503, "unavailable", "Service unavailable", detail);
        }

        @Override
        public Map<String, String> headers() {
            return Map.of("Retry-After", "1");
        }
    }
}
