package com.acme.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Failed logins per user name and per address: slower, then refused for a while, each lock announced once. */
class LoginThrottleTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Settings(Duration.ofMinutes(15), 10,
            100, Duration.ofMinutes(5), Duration.ofSeconds(2)), clock::get);

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void failures_of_one_user_name_are_slowed_down_then_refused_for_the_lockout() {
        // given: four failures are answered at once
        for (int i = 1; i <= 5; i++) {
            assertThat(throttle.failed("bob", "10.0.0." + i).delay()).as("failure " + i).isZero();
        }
        // when: further failures come, from ever other addresses
        Duration previous = Duration.ZERO;
        for (int i = 6; i <= 9; i++) {
            var failure = throttle.failed("bob", "10.0.0." + i);
            assertThat(failure.delay()).as("failure " + i).isGreaterThan(previous).isLessThanOrEqualTo(Duration.ofSeconds(2));
            assertThat(failure.newLocks()).isEmpty();
            previous = failure.delay();
        }
        assertThat(throttle.refusedFor("bob", "10.0.1.1")).isEmpty();
        var tenth = throttle.failed("BOB", "10.0.0.10");

        // then: the tenth locks the name (any case, any address) for five minutes, announced once
        assertThat(tenth.delay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(tenth.newLocks()).containsExactly(
                new LoginThrottle.Lock(LoginThrottle.Kind.USER_NAME, "BOB", 10, Duration.ofMinutes(5)));
        assertThat(throttle.refusedFor("bob", "10.9.9.9")).contains(Duration.ofMinutes(5));
        advance(Duration.ofMinutes(4));
        assertThat(throttle.refusedFor(" Bob ", "10.9.9.9")).contains(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("alice", "10.0.0.1")).as("others are not refused").isEmpty();
        assertThat(throttle.failed("bob", "10.0.0.11").newLocks()).as("never announced twice").isEmpty();

        // and after the lockout the name starts afresh
        advance(Duration.ofMinutes(1));
        assertThat(throttle.refusedFor("bob", "10.9.9.9")).isEmpty();
        assertThat(throttle.failed("bob", "10.0.0.12").delay()).isZero();
    }

    @Test
    void failures_from_one_address_lock_it_whatever_the_names() {
        LoginThrottle.Failure last = null;
        for (int i = 1; i <= 100; i++) {
            last = throttle.failed("user" + i, "192.0.2.7");
            if (i < 100) {
                assertThat(last.newLocks()).isEmpty();
            }
        }
        assertThat(last.newLocks()).containsExactly(
                new LoginThrottle.Lock(LoginThrottle.Kind.ADDRESS, null, 100, Duration.ofMinutes(5)));
        assertThat(last.delay()).as("slowed down like a name").isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.refusedFor("alice", "192.0.2.7")).isPresent();
        assertThat(throttle.refusedFor("alice", "192.0.2.8")).isEmpty();
    }

    @Test
    void a_success_clears_the_name_but_not_the_address_and_not_a_lock() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("carol", "198.51.100.1");
        }
        throttle.succeeded("carol");
        assertThat(throttle.failed("carol", "198.51.100.1").delay()).as("the name starts afresh").isZero();

        for (int i = 0; i < 10; i++) {
            throttle.failed("dave", "198.51.100.2");
        }
        throttle.succeeded("dave");
        assertThat(throttle.refusedFor("dave", "198.51.100.3")).as("a lock stands").isPresent();
    }

    @Test
    void the_window_forgets_old_failures() {
        for (int i = 0; i < 9; i++) {
            throttle.failed("erin", "203.0.113.1");
        }
        advance(Duration.ofMinutes(15));
        var failure = throttle.failed("erin", "203.0.113.1");
        assertThat(failure.newLocks()).isEmpty();
        assertThat(failure.delay()).isZero();
    }

    @Test
    void huge_names_and_many_names_take_bounded_memory() {
        String huge = "x".repeat(100_000);
        throttle.failed(huge, "203.0.113.9");
        throttle.failed(huge + "y", "203.0.113.9");
        assertThat(throttle.size()).as("one name key and one address key").isEqualTo(2);

        for (int i = 0; i < LoginThrottle.MAX_KEYS + 10; i++) {
            throttle.failed("n" + i, "203.0.113." + (i % 50));
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_KEYS + 1);
    }

    @Test
    void settings_have_defaults_and_refuse_nonsense() {
        var defaults = LoginThrottles.settings(key -> Optional.empty());
        assertThat(defaults).isEqualTo(new LoginThrottle.Settings(Duration.ofMinutes(15), 10, 100,
                Duration.ofMinutes(5), Duration.ofSeconds(2)));
        var set = Map.of("user-limit", "3", "lockout", "PT2S");
        assertThat(LoginThrottles.settings(key -> Optional.ofNullable(set.get(key))).userLimit()).isEqualTo(3);
        assertThatThrownBy(() -> LoginThrottles.settings(key -> key.equals("user-limit") ? Optional.of("0") : Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("intake.login.throttle.user-limit");
        assertThatThrownBy(() -> LoginThrottles.settings(key -> key.equals("window") ? Optional.of("15m") : Optional.empty()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("intake.login.throttle.window");
    }
}
