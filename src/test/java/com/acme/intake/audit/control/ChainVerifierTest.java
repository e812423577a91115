package com.acme.intake.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.Verification;

class ChainVerifierTest {

    AuditChainTest.MemoryStore store;
    List<AuditEntry> events;

    @BeforeEach
    void ten_chained_events() {
        store = new AuditChainTest.MemoryStore();
        Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
        for (int i = 1; i <= 10; i++) {
            AuditChain.append(store, Clock.offset(clock, Duration.ofSeconds(i)), "user" + i,
                    "REVIEW_DECIDED", (long) i % 3, "task" + i, "bu", "privacyReview=APPROVE");
        }
        events = new ArrayList<>(store.events);
    }

    @Test
    void an_untouched_chain_is_intact() {
        assertThat(verify()).isEqualTo(Verification.intact(10));
    }

    @Test
    void an_empty_chain_is_intact() {
        assertThat(ChainVerifier.verify(List.<AuditEntry>of().iterator(), new ChainHead(0, AuditChain.GENESIS)))
                .isEqualTo(Verification.intact(0));
    }

    @Test
    void an_edited_event_is_named() {
        AuditEntry e = events.get(4);
        events.set(4, new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.requestId(), e.taskId(),
                e.businessUnit(), "privacyReview=REJECT", e.prevHash(), e.hash()));

        Verification result = verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(5);
        assertThat(result.reason()).contains("altered");
        assertThat(result.events()).isEqualTo(4);
    }

    @Test
    void an_edit_with_a_recomputed_hash_breaks_the_next_link() {
        AuditEntry e = events.get(4);
        events.set(4, AuditChain.seal(e.seq(), e.occurredAt(), "mallory", e.action(), e.requestId(), e.taskId(),
                e.businessUnit(), e.details(), e.prevHash()));

        Verification result = verify();

        assertThat(result.firstBroken()).isEqualTo(6);
        assertThat(result.reason()).contains("prev_hash");
    }

    @Test
    void a_deleted_event_is_named_by_its_missing_number() {
        events.remove(6);

        Verification result = verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(7);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void a_deleted_first_event_is_detected() {
        events.remove(0);

        assertThat(verify().firstBroken()).isEqualTo(1);
    }

    @Test
    void a_deletion_hidden_by_renumbering_breaks_the_link() {
        events.remove(6);
        for (int i = 6; i < events.size(); i++) {
            AuditEntry e = events.get(i);
            events.set(i, new AuditEntry(e.seq() - 1, e.occurredAt(), e.actor(), e.action(), e.requestId(),
                    e.taskId(), e.businessUnit(), e.details(), e.prevHash(), e.hash()));
        }

        Verification result = verify();

        assertThat(result.firstBroken()).isEqualTo(7);
        assertThat(result.ok()).isFalse();
    }

    @Test
    void reordered_events_are_detected() {
        Collections.swap(events, 2, 3);

        Verification result = verify();

        assertThat(result.firstBroken()).isEqualTo(3);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void swapped_contents_under_the_same_numbers_are_detected() {
        AuditEntry third = events.get(2);
        AuditEntry fourth = events.get(3);
        events.set(2, new AuditEntry(3, fourth.occurredAt(), fourth.actor(), fourth.action(), fourth.requestId(),
                fourth.taskId(), fourth.businessUnit(), fourth.details(), fourth.prevHash(), fourth.hash()));
        events.set(3, new AuditEntry(4, third.occurredAt(), third.actor(), third.action(), third.requestId(),
                third.taskId(), third.businessUnit(), third.details(), third.prevHash(), third.hash()));

        assertThat(verify().firstBroken()).isEqualTo(3);
    }

    @Test
    void a_cut_off_tail_is_detected_against_the_head() {
        events.subList(8, 10).clear();

        Verification result = verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBroken()).isEqualTo(9);
        assertThat(result.reason()).contains("head names event 10");
    }

    @Test
    void a_last_event_other_than_the_head_records_is_detected() {
        AuditEntry last = events.get(9);
        events.set(9, AuditChain.seal(10, last.occurredAt(), "mallory", last.action(), last.requestId(),
                last.taskId(), last.businessUnit(), last.details(), last.prevHash()));

        assertThat(verify().firstBroken()).isEqualTo(10);
    }

    @Test
    void a_missing_hash_is_a_break() {
        AuditEntry e = events.get(0);
        events.set(0, new AuditEntry(1, e.occurredAt(), e.actor(), e.action(), e.requestId(), e.taskId(),
                e.businessUnit(), e.details(), e.prevHash(), null));

        assertThat(verify().firstBroken()).isEqualTo(1);
    }

    @Test
    void watching_checks_what_passes_through() {
        var verifier = new ChainVerifier();
        var seen = new ArrayList<AuditEntry>();

        verifier.watch(events.iterator()).forEachRemaining(seen::add);

        assertThat(seen).hasSize(10);
        assertThat(verifier.result(store.head)).isEqualTo(Verification.intact(10));
    }

    private Verification verify() {
        return ChainVerifier.verify(events.iterator(), store.head);
    }
}
