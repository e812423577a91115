package com.acme.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final AppUser PRIYA = new AppUser("priya", Set.of(Role.PRIVACY_REVIEWER), null);

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedCredentials cache = new VerifiedCredentials(Duration.ofSeconds(60), now::get);

    @Test
    void aVerifiedPasswordIsRememberedUntilItExpires() {
        // given
        cache.remember("priya", "s3cret".toCharArray(), PRIYA);

        // then: the same password within the time to live, and not after
        assertThat(cache.find("priya", "s3cret".toCharArray())).contains(PRIYA);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(cache.find("priya", "s3cret".toCharArray())).contains(PRIYA);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.find("priya", "s3cret".toCharArray())).isEmpty();
    }

    @Test
    void anotherPasswordOrUserIsNeverTakenFromTheCache() {
        cache.remember("priya", "s3cret".toCharArray(), PRIYA);

        assertThat(cache.find("priya", "s3cret ".toCharArray())).isEmpty();
        assertThat(cache.find("priya", "".toCharArray())).isEmpty();
        assertThat(cache.find("paul", "s3cret".toCharArray())).isEmpty();
        // the name and the password are separated: "priya" + "x" is not "priyax" + ""
        cache.remember("priyax", "".toCharArray(), PRIYA);
        assertThat(cache.find("priya", "x".toCharArray())).isEmpty();
    }

    @Test
    void aForgottenUserIsVerifiedAgain() {
        cache.remember("priya", "s3cret".toCharArray(), PRIYA);
        cache.forget("priya");
        assertThat(cache.find("priya", "s3cret".toCharArray())).isEmpty();
    }

    @Test
    void aZeroTimeToLiveRemembersNothing() {
        var off = new VerifiedCredentials(Duration.ZERO, now::get);
        off.remember("priya", "s3cret".toCharArray(), PRIYA);
        assertThat(off.find("priya", "s3cret".toCharArray())).isEmpty();
    }

    @Test
    void theTimeToLiveIsAShortIsoDuration() {
        assertThat(UserDirectory.ttl("PT30S")).isEqualTo(Duration.ofSeconds(30));
        assertThat(UserDirectory.ttl("PT0S")).isEqualTo(Duration.ZERO);
        assertThatThrownBy(() -> UserDirectory.ttl("PT2H")).hasMessageContaining("from PT0S to PT1H");
        assertThatThrownBy(() -> UserDirectory.ttl("60")).hasMessageContaining("intake.security.credential-cache");
    }
}
