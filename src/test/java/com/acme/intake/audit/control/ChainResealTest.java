package com.acme.intake.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.acme.intake.audit.entity.ChainHead;

/** A chain whose head hash is missing is never re-sealed without an operator asking for it. */
class ChainResealTest {

    @Test
    void a_chain_with_its_head_is_left_alone_even_when_a_reseal_is_asked_for() {
        ChainHead sealed = new ChainHead(30, "ab".repeat(32));

        assertThat(AuditTrail.needsReseal(sealed, 30, false)).isFalse();
        assertThat(AuditTrail.needsReseal(sealed, 30, true)).isFalse();
    }

    @Test
    void events_without_a_head_hash_stop_the_start_with_a_message_that_says_how_to_go_on() {
        ChainHead damaged = new ChainHead(30, null);

        assertThatThrownBy(() -> AuditTrail.needsReseal(damaged, 30, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("head hash (audit_chain_head.last_hash) is missing while 30 audit events exist")
                .hasMessageContaining("refusing to start")
                .hasMessageContaining("INTAKE_AUDIT_RESEAL=true");
    }

    @Test
    void a_head_whose_events_were_deleted_is_not_resealed_silently_either() {
        assertThatThrownBy(() -> AuditTrail.needsReseal(new ChainHead(12, null), 0, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("head sequence 12");
    }

    @Test
    void the_operator_asks_for_the_reseal_and_it_happens() {
        assertThat(AuditTrail.needsReseal(new ChainHead(30, null), 30, true)).isTrue();
    }

    @Test
    void an_empty_chain_without_a_hash_is_sealed_as_there_is_nothing_to_rewrite() {
        assertThat(AuditTrail.needsReseal(new ChainHead(0, null), 0, false)).isTrue();
    }
}
