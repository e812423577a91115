package com.acme.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessUnitAccessTest {

    @Test
    void a_requester_sees_only_their_own_business_unit() {
        AppUser alice = new AppUser("alice", Set.of(Role.REQUESTER), "marketing");

        assertThat(BusinessUnitAccess.seesEveryUnit(alice)).isFalse();
        assertThat(BusinessUnitAccess.sees(alice, "marketing")).isTrue();
        assertThat(BusinessUnitAccess.sees(alice, "finance")).isFalse();
        assertThat(BusinessUnitAccess.sees(alice, null)).isFalse();
    }

    @Test
    void someone_without_a_business_unit_sees_none_and_staff_see_every_one() {
        AppUser nobody = new AppUser("nobody", Set.of(Role.REQUESTER), null);
        AppUser paul = new AppUser("paul", Set.of(Role.PLATFORM_ENGINEER), null);

        assertThat(BusinessUnitAccess.sees(nobody, "marketing")).isFalse();
        assertThat(BusinessUnitAccess.seesEveryUnit(paul)).isTrue();
        assertThat(BusinessUnitAccess.sees(paul, "finance")).isTrue();
    }
}
