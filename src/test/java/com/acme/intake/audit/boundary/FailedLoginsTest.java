package com.acme.intake.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A name typed at the login never makes itself an actor of the audit trail. */
class FailedLoginsTest {

    @Test
    void a_known_user_with_a_plain_name_is_the_actor() {
        assertThat(FailedLogins.actor("bob")).isEqualTo("bob");
        assertThat(FailedLogins.actor("rina.sato@corp")).isEqualTo("rina.sato@corp");
        assertThat(FailedLogins.actor("佐藤")).isEqualTo("佐藤");
    }

    @Test
    void forged_names_are_the_unknown_user() {
        assertThat(FailedLogins.actor(null)).as("not a user of the directory").isEqualTo(FailedLogins.UNKNOWN_USER);
        assertThat(FailedLogins.actor("system")).isEqualTo(FailedLogins.UNKNOWN_USER);
        assertThat(FailedLogins.actor("SYSTEM")).isEqualTo(FailedLogins.UNKNOWN_USER);
        assertThat(FailedLogins.actor("bob\u0000")).isEqualTo(FailedLogins.UNKNOWN_USER);
        assertThat(FailedLogins.actor("bob\nREVIEW_DECIDED by admin")).isEqualTo(FailedLogins.UNKNOWN_USER);
        assertThat(FailedLogins.actor("\u202Enimda")).isEqualTo(FailedLogins.UNKNOWN_USER);
        assertThat(FailedLogins.actor("a".repeat(150))).isEqualTo(FailedLogins.UNKNOWN_USER);
    }
}
