package com.acme.intake.audit.control;

import java.util.Iterator;
import java.util.Objects;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.Verification;

/**
 * Checks events one at a time, in the order they are read (by sequence number), so that a chain of
 * any length is verified in constant memory. Detects an edited event (its hash no longer matches its
 * content), a deleted or inserted one (a gap in the sequence numbers, or a prev_hash that is not the
 * previous event's hash) and a cut-off tail (the last event is not the one the chain head names).
 * Only the first break is reported: after it, every later event is suspect anyway.
 */
public final class ChainVerifier {

    private long checked;
    private long lastSeq;
    private String lastHash = AuditChain.GENESIS;
    private Verification broken;

    /** Verifies the events of {@code events} against the head, stopping at the first break. */
    public static Verification verify(Iterator<AuditEntry> events, ChainHead head) {
        var verifier = new ChainVerifier();
        while (events.hasNext()) {
            if (!verifier.accept(events.next())) {
                break;
            }
        }
        return verifier.result(head);
    }

    /** An iterator that checks each event as it passes, for a reader that needs the events too. */
    public Iterator<AuditEntry> watch(Iterator<AuditEntry> events) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public AuditEntry next() {
                AuditEntry e = events.next();
                accept(e);
                return e;
            }
        };
    }

    /** Checks the next event; false once the chain is broken. */
    public boolean accept(AuditEntry e) {
        if (broken != null) {
            return false;
        }
        long expected = lastSeq + 1;
        if (e.seq() != expected) {
            return fail(expected, e.seq() > expected
                    ? "event " + expected + " is missing (the next event found is " + e.seq() + ")"
                    : "event " + e.seq() + " is out of place (event " + expected + " was expected)");
        }
        if (e.hash() == null || e.prevHash() == null) {
            return fail(e.seq(), "event " + e.seq() + " has no hash");
        }
        if (!e.prevHash().equals(lastHash)) {
            return fail(e.seq(), "event " + e.seq() + " does not follow event " + lastSeq
                    + " (its prev_hash differs from that event's hash): an event was removed or inserted before it");
        }
        if (!e.hash().equals(AuditChain.hash(e))) {
            return fail(e.seq(), "event " + e.seq() + " was altered (its hash does not match its content)");
        }
        checked++;
        lastSeq = e.seq();
        lastHash = e.hash();
        return true;
    }

    /** The outcome, once all events up to the head's sequence number have been offered. */
    public Verification result(ChainHead head) {
        if (broken != null) {
            return broken;
        }
        if (head.lastHash() == null) {
            return Verification.broken(checked, lastSeq + 1, "events from before the hash chain are not sealed yet");
        }
        if (lastSeq < head.lastSeq()) {
            return Verification.broken(checked, lastSeq + 1, "the chain ends at event " + lastSeq
                    + " but its head names event " + head.lastSeq() + ": later events were removed");
        }
        if (!Objects.equals(lastHash, head.lastHash())) {
            return Verification.broken(checked, lastSeq, "event " + lastSeq
                    + " is not the last event the chain head recorded");
        }
        return Verification.intact(checked);
    }

    private boolean fail(long seq, String reason) {
        broken = Verification.broken(checked, seq, reason);
        return false;
    }
}
