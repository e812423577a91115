package com.acme.intake.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Counts failed logins per user name and per client address in a window, and decides when the next
 * attempt is slowed down and when it is refused outright, without looking at the password.
 *
 * <p>Each key (a user name, case-insensitively; an address) has a window that starts with its first
 * failure. Past half its limit, each further failure is answered late, up to the maximum delay at
 * the limit; at the limit the key is locked for the lockout time, and every attempt meanwhile is
 * refused (429). A lock is announced once ({@link Failure#newLocks()}): one audit event per lock,
 * not one per attempt. When the lock ends, counting starts afresh. A success clears the user name's
 * count, never the address's (an attacker with an account of their own cannot reset it).
 *
 * <p>Memory is bounded: beyond {@value #MAX_KEYS} keys, keys whose window ended and that are not
 * locked are forgotten; if that is not enough, every unlocked key is.
 */
final class LoginThrottle {

    static final int MAX_KEYS = 100_000;
    /** User names longer than this are counted by their first characters (no memory for huge names). */
    static final int MAX_NAME_CHARS = 200;

    enum Kind { USER_NAME, ADDRESS }

    record Settings(Duration window, int userLimit, int addressLimit, Duration lockout, Duration maxDelay) {
        Settings {
            if (window.isNegative() || window.isZero() || lockout.isNegative() || lockout.isZero()
                    || maxDelay.isNegative() || userLimit < 1 || addressLimit < 1) {
                throw new IllegalArgumentException("window and lockout must be positive, limits at least 1");
            }
        }
    }

    /** A key that has just been locked: which kind, the user name when it is one, failures and lock time. */
    record Lock(Kind kind, String userName, int failures, Duration lockout) {
    }

    /** What a failed login leads to: how long to delay its answer, and the keys it locked. */
    record Failure(Duration delay, List<Lock> newLocks) {
    }

    private static final class Counter {
        long windowStart;
        int failures;
        long lockedUntil;
        boolean locked;
    }

    private final Settings settings;
    private final LongSupplier nanoClock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LoginThrottle(Settings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** How long attempts of this user name or from this address are still refused, if they are. */
    Optional<Duration> refusedFor(String userName, String address) {
        long now = nanoClock.getAsLong();
        long remaining = Math.max(remaining(userKey(userName), now), remaining(addressKey(address), now));
        return remaining > 0 ? Optional.of(Duration.ofNanos(remaining)) : Optional.empty();
    }

    Failure failed(String userName, String address) {
        long now = nanoClock.getAsLong();
        List<Lock> locks = new ArrayList<>();
        Duration userDelay = count(userKey(userName), settings.userLimit(), now, Kind.USER_NAME, userName, locks);
        Duration addressDelay = count(addressKey(address), settings.addressLimit(), now, Kind.ADDRESS, null, locks);
        return new Failure(userDelay.compareTo(addressDelay) >= 0 ? userDelay : addressDelay, List.copyOf(locks));
    }

    void succeeded(String userName) {
        String key = userKey(userName);
        counters.computeIfPresent(key, (k, c) -> c.locked ? c : null);
    }

    private long remaining(String key, long now) {
        Counter counter = counters.get(key);
        if (counter == null) {
            return 0;
        }
        synchronized (counter) {
            if (!counter.locked) {
                return 0;
            }
            long left = counter.lockedUntil - now;
            if (left > 0) {
                return left;
            }
            counter.locked = false;
            counter.failures = 0;
            counter.windowStart = now;
            return 0;
        }
    }

    private Duration count(String key, int limit, long now, Kind kind, String userName, List<Lock> locks) {
        if (counters.size() >= MAX_KEYS && !counters.containsKey(key)) {
            prune(now);
        }
        Counter counter = counters.computeIfAbsent(key, k -> {
            Counter c = new Counter();
            c.windowStart = now;
            return c;
        });
        synchronized (counter) {
            if (counter.locked) {
                // an attempt that was let through before the lock: counted in the lock already
                return Duration.ZERO;
            }
            if (now - counter.windowStart >= settings.window().toNanos()) {
                counter.windowStart = now;
                counter.failures = 0;
            }
            counter.failures++;
            if (counter.failures >= limit) {
                counter.locked = true;
                counter.lockedUntil = now + settings.lockout().toNanos();
                locks.add(new Lock(kind, userName, counter.failures, settings.lockout()));
            }
            int slowAfter = limit / 2;
            if (counter.failures <= slowAfter) {
                return Duration.ZERO;
            }
            long steps = Math.max(1, limit - slowAfter);
            return settings.maxDelay().multipliedBy(Math.min(counter.failures - slowAfter, steps)).dividedBy(steps);
        }
    }

    private void prune(long now) {
        long window = settings.window().toNanos();
        counters.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return !e.getValue().locked && now - e.getValue().windowStart >= window;
            }
        });
        if (counters.size() >= MAX_KEYS) {
            counters.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return !e.getValue().locked;
                }
            });
        }
    }

    private static String userKey(String userName) {
        String name = userName == null ? "" : userName.strip();
        if (name.length() > MAX_NAME_CHARS) {
            name = name.substring(0, MAX_NAME_CHARS);
        }
        return "u:" + name.toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + (address == null ? "" : address);
    }

    int size() {
        return counters.size();
    }
}
