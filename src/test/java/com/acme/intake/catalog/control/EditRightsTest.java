package com.acme.intake.catalog.control;

import java.util.Set;

import org.junit.jupiter.api.Test;

import com.acme.intake.security.Role;

import static org.assertj.core.api.Assertions.assertThat;

class EditRightsTest {

    @Test
    void theOwnerMayEdit() {
        assertThat(EditRights.mayEdit("alice", Set.of(Role.REQUESTER), "alice")).isTrue();
    }

    @Test
    void platformEngineersMayEditAnyEntry() {
        assertThat(EditRights.mayEdit("paul", Set.of(Role.PLATFORM_ENGINEER), "alice")).isTrue();
    }

    @Test
    void everyoneElseIsRefused() {
        assertThat(EditRights.mayEdit("bob", Set.of(Role.REQUESTER), "alice")).isFalse();
        assertThat(EditRights.mayEdit("priya", Set.of(Role.PRIVACY_REVIEWER), "alice")).isFalse();
        assertThat(EditRights.mayEdit("grace", Set.of(Role.GOVERNANCE_LEAD), "alice")).isFalse();
        assertThat(EditRights.mayEdit("audrey", Set.of(Role.AUDITOR), "alice")).isFalse();
        assertThat(EditRights.mayEdit("admin", Set.of(Role.ADMIN), "alice")).isFalse();
        assertThat(EditRights.mayEdit(null, Set.of(), "alice")).isFalse();
    }

    @Test
    void theRefusalSaysWhoMayEdit() {
        assertThat(EditRights.refusal("marketing__crm", "alice"))
                .isEqualTo("only the owner of marketing__crm (alice) or a platform engineer may edit its catalog entry");
    }
}
