package com.acme.intake.operations.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * A value computed at most once per period, so that a scrape of every gauge costs one query, and
 * frequent scrapes cost none. A failed computation is not cached.
 */
public final class CachedValue<T> implements Supplier<T> {

    private final Supplier<T> compute;
    private final Duration period;
    private final Clock clock;
    private T value;
    private Instant computedAt;

    public CachedValue(Supplier<T> compute, Duration period, Clock clock) {
        this.compute = compute;
        this.period = period;
        this.clock = clock;
    }

    @Override
    public synchronized T get() {
        Instant now = clock.instant();
        if (computedAt == null || !now.isBefore(computedAt.plus(period))) {
            value = compute.get();
            computedAt = now;
        }
        return value;
    }
}
