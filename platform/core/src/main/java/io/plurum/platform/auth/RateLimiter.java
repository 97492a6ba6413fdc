package io.plurum.platform.auth;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.plurum.platform.errors.PlurumException;

/**
 * A fixed-window budget per key: at most {@code limit} calls per minute. Windows of idle keys are dropped as
 * new minutes start, so memory follows the number of active keys.
 */
public final class RateLimiter {

    private static final long WINDOW_MILLIS = 60_000;

    private final int limit;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long sweptWindow;

    public RateLimiter(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one call of {@code key}; throws {@link PlurumException.RateLimited} when over budget. */
    public void acquire(String key) {
        long now = clock.millis();
        long windowStart = now - now % WINDOW_MILLIS;
        sweep(windowStart);
        Window window = windows.compute(key, (k, w) -> w == null || w.start != windowStart
                ? new Window(windowStart, 1) : new Window(windowStart, w.count + 1));
        if (window.count > limit) {
            long resetSeconds = (windowStart + WINDOW_MILLIS - now + 999) / 1000;
            throw new PlurumException.RateLimited("This API key used its budget of " + limit
                    + " calls per minute.", limit, 0, resetSeconds);
        }
    }

    private void sweep(long windowStart) {
        if (sweptWindow != windowStart) {
            sweptWindow = windowStart;
            windows.values().removeIf(w -> w.start != windowStart);
        }
    }

    private record Window(long start, int count) {
    }
}
