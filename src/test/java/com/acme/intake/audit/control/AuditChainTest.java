package com.acme.intake.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;

class AuditChainTest {

    static final Instant AT = Instant.parse("2025-03-31T12:34:56.123456789Z");

    /** The chain in memory, as a store. */
    static final class MemoryStore implements AuditChain.Store {
        final List<AuditEntry> events = new ArrayList<>();
        ChainHead head = new ChainHead(0, AuditChain.GENESIS);

        @Override
        public ChainHead lockHead() {
            return head;
        }

        @Override
        public void insert(AuditEntry entry) {
            events.add(entry);
        }

        @Override
        public void moveHead(ChainHead head) {
            this.head = head;
        }
    }

    @Test
    void the_encoding_is_length_prefixed_utf8_in_a_fixed_order() {
        byte[] encoded = AuditChain.canonical(7, Instant.parse("2025-03-31T12:34:56.123456Z"), "alice",
                "REQUEST_SUBMITTED", 42L, null, "marketing", "", AuditChain.GENESIS);

        ByteBuffer buffer = ByteBuffer.wrap(encoded);
        assertThat(next(buffer)).isEqualTo(AuditChain.FORMAT);
        assertThat(next(buffer)).isEqualTo("7");
        assertThat(next(buffer)).isEqualTo("2025-03-31T12:34:56.123456Z");
        assertThat(next(buffer)).isEqualTo("alice");
        assertThat(next(buffer)).isEqualTo("REQUEST_SUBMITTED");
        assertThat(next(buffer)).isEqualTo("42");
        assertThat(buffer.getInt()).as("null task").isEqualTo(-1);
        assertThat(next(buffer)).isEqualTo("marketing");
        assertThat(next(buffer)).as("empty details").isEmpty();
        assertThat(next(buffer)).isEqualTo(AuditChain.GENESIS);
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void the_hash_is_the_sha256_of_the_encoding_and_stays_the_same() throws Exception {
        AuditEntry e = AuditChain.seal(1, AT, "alice", "REQUEST_SUBMITTED", 42L, null, "marketing", "3 columns",
                AuditChain.GENESIS);

        byte[] digest = MessageDigest.getInstance("SHA-256").digest(AuditChain.canonical(1, e.occurredAt(), "alice",
                "REQUEST_SUBMITTED", 42L, null, "marketing", "3 columns", AuditChain.GENESIS));
        assertThat(e.hash()).isEqualTo(HexFormat.of().formatHex(digest))
                .as("a change of the format breaks every stored chain")
                .isEqualTo("2132c38186b483382943e89bf686d76dd8ec06858d88fb2ddb4f2aa5b379eacc");
    }

    @Test
    void moving_text_between_fields_changes_the_hash() {
        String a = AuditChain.hash(1, AT, "ab", "c", null, null, null, null, AuditChain.GENESIS);
        String b = AuditChain.hash(1, AT, "a", "bc", null, null, null, null, AuditChain.GENESIS);
        String nullTask = AuditChain.hash(1, AT, "a", "b", null, null, null, null, AuditChain.GENESIS);
        String emptyTask = AuditChain.hash(1, AT, "a", "b", null, "", null, null, AuditChain.GENESIS);

        assertThat(a).isNotEqualTo(b);
        assertThat(nullTask).isNotEqualTo(emptyTask);
    }

    @Test
    void every_field_is_covered_by_the_hash() {
        AuditEntry e = AuditChain.seal(5, AT, "alice", "X", 1L, "t", "bu", "d", AuditChain.GENESIS);
        List<AuditEntry> changed = List.of(
                new AuditEntry(6, e.occurredAt(), "alice", "X", 1L, "t", "bu", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt().plusNanos(1000), "alice", "X", 1L, "t", "bu", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "mallory", "X", 1L, "t", "bu", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "alice", "Y", 1L, "t", "bu", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "alice", "X", 2L, "t", "bu", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "alice", "X", 1L, "u", "bu", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "alice", "X", 1L, "t", "bv", "d", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "alice", "X", 1L, "t", "bu", "e", e.prevHash(), e.hash()),
                new AuditEntry(5, e.occurredAt(), "alice", "X", 1L, "t", "bu", "d", "1".repeat(64), e.hash()));

        assertThat(changed).allSatisfy(c -> assertThat(AuditChain.hash(c)).isNotEqualTo(e.hash()));
    }

    @Test
    void the_time_is_truncated_to_microseconds_before_it_is_hashed_and_stored() {
        AuditEntry e = AuditChain.seal(1, AT, "alice", "X", null, null, null, null, AuditChain.GENESIS);

        assertThat(e.occurredAt()).isEqualTo(Instant.parse("2025-03-31T12:34:56.123456Z"));
        assertThat(AuditChain.hash(e)).isEqualTo(e.hash());
    }

    @Test
    void appends_number_from_the_head_and_chain_each_event_to_the_previous() {
        var store = new MemoryStore();
        Clock clock = Clock.fixed(AT, ZoneOffset.UTC);

        AuditEntry first = AuditChain.append(store, clock, "alice", "REQUEST_SUBMITTED", 1L, null, "marketing", null);
        AuditEntry second = AuditChain.append(store, clock, "priya", "REVIEW_DECIDED", 1L, "t1", "marketing", "ok");

        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditChain.GENESIS).isEqualTo("0".repeat(64));
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(store.head).isEqualTo(new ChainHead(2, second.hash()));
        assertThat(store.events).containsExactly(first, second);
    }

    @Test
    void appends_wait_until_older_events_are_sealed() {
        var store = new MemoryStore();
        store.head = new ChainHead(3, null);

        assertThatThrownBy(() -> AuditChain.append(store, Clock.systemUTC(), "a", "X", null, null, null, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not sealed");
        assertThat(store.events).isEmpty();
    }

    private static String next(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
