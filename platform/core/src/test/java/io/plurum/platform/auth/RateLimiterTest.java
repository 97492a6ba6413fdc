package io.plurum.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.plurum.platform.errors.PlurumException;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000_000L);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };

    @Test
    void shouldRefuseCallsOverBudgetWithRetryAfter() {
        RateLimiter limiter = new RateLimiter(3, clock);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("key");
        }
        assertThatThrownBy(() -> limiter.acquire("key"))
                .isInstanceOfSatisfying(PlurumException.RateLimited.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.headers()).containsKeys("Retry-After", "RateLimit-Limit", "RateLimit-Remaining",
                            "RateLimit-Reset");
                    assertThat(e.headers().get("RateLimit-Limit")).isEqualTo("3");
                    assertThat(Long.parseLong(e.headers().get("Retry-After"))).isBetween(1L, 60L);
                });
    }

    @Test
    void shouldKeepBudgetsPerKeyAndRefillNextMinute() {
        RateLimiter limiter = new RateLimiter(1, clock);
        limiter.acquire("a");
        limiter.acquire("b");
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(PlurumException.RateLimited.class);
        now.addAndGet(60_000);
        limiter.acquire("a");
    }
}
