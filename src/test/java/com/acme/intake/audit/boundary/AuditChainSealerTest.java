package com.acme.intake.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AuditChainSealerTest {

    @Test
    void a_reseal_is_asked_for_only_by_true() {
        assertThat(AuditChainSealer.resealAsked(Optional.empty())).isFalse();
        assertThat(AuditChainSealer.resealAsked(Optional.of("false"))).isFalse();
        assertThat(AuditChainSealer.resealAsked(Optional.of(" TRUE "))).isTrue();
        assertThatThrownBy(() -> AuditChainSealer.resealAsked(Optional.of("yes")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INTAKE_AUDIT_RESEAL");
    }
}
