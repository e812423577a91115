package com.acme.intake.security;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

/**
 * The node's {@link LoginThrottle}, configured from {@code intake.login.throttle.*}; answers late
 * when a failure says so and announces each new lock as {@link LoginThrottled} (once per lock).
 * Counts are per node: with several nodes an attacker gets at most the limits once per node.
 */
@ApplicationScoped
public class LoginThrottles {

    static final String PREFIX = "intake.login.throttle.";

    @Inject
    Config config;

    @Inject
    UserDirectory users;

    @Inject
    Event<LoginThrottled> throttled;

    private LoginThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new LoginThrottle(settings(key -> config.getOptionalValue(PREFIX + key, String.class)),
                System::nanoTime);
    }

    static LoginThrottle.Settings settings(Function<String, Optional<String>> setting) {
        return new LoginThrottle.Settings(
                duration(setting, "window", "PT15M", Duration.ofSeconds(1), Duration.ofDays(1)),
                count(setting, "user-limit", 10),
                count(setting, "address-limit", 100),
                duration(setting, "lockout", "PT5M", Duration.ofSeconds(1), Duration.ofDays(1)),
                duration(setting, "max-delay", "PT2S", Duration.ZERO, Duration.ofSeconds(10)));
    }

    /** How long this attempt must still wait: present when it is refused without looking at the password. */
    public Optional<Duration> refusedFor(String userName, String address) {
        return throttle.refusedFor(userName, address);
    }

    /** Counts a failed login, waits as long as the count says and announces the locks it caused. */
    public void failed(String userName, String address) {
        var failure = throttle.failed(userName, address);
        for (var lock : failure.newLocks()) {
            boolean known = lock.userName() != null && users.find(lock.userName()).isPresent();
            throttled.fire(new LoginThrottled(lock.kind() == LoginThrottle.Kind.USER_NAME ? "user name" : "address",
                    known ? lock.userName() : null, lock.failures(), lock.lockout().toSeconds()));
        }
        if (!failure.delay().isZero()) {
            try {
                Thread.sleep(failure.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void succeeded(String userName) {
        throttle.succeeded(userName);
    }

    private static Duration duration(Function<String, Optional<String>> setting, String key,
                                     String fallback, Duration min, Duration max) {
        String value = setting.apply(key).map(String::strip).filter(s -> !s.isEmpty()).orElse(fallback);
        try {
            Duration d = Duration.parse(value);
            if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new IllegalStateException(PREFIX + key + " must be an ISO-8601 duration from " + min + " to " + max
                + ", not " + value);
    }

    private static int count(Function<String, Optional<String>> setting, String key, int fallback) {
        String value = setting.apply(key).map(String::strip).filter(s -> !s.isEmpty()).orElse(String.valueOf(fallback));
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= 1_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalStateException(PREFIX + key + " must be a whole number from 1 to 1000000, not " + value);
    }
}
