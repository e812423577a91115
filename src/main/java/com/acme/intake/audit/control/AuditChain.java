package com.acme.intake.audit.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;

/**
 * The hash chain of the audit trail, in plain Java so that anyone can re-check it.
 *
 * <p>An event's hash is the hex SHA-256 of its <em>canonical encoding</em>: the fields below, in this
 * order, each as a 4-byte big-endian length followed by that many bytes of UTF-8, and a null field as
 * the length -1 with no bytes. The length prefixes make the encoding unambiguous (no separator a
 * value could contain), and null stays distinct from the empty string.
 * <ol>
 *   <li>{@value #FORMAT} (the format, so a later one cannot be confused with it)</li>
 *   <li>seq, in decimal</li>
 *   <li>occurred_at as {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'} in UTC: microseconds, the precision
 *       both PostgreSQL and H2 store, and to which the time is truncated before it is hashed and stored</li>
 *   <li>actor, action, request_id (decimal), task_id, business_unit, details</li>
 *   <li>prev_hash: the previous event's hash, or {@link #GENESIS} for the first event</li>
 * </ol>
 */
public final class AuditChain {

    public static final String FORMAT = "acme-audit-v1";

    /** The previous hash of the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** Where a chain is kept: JPA in the application, plain JDBC in tests and benchmarks. */
    public interface Store {

        /** The head, locked until the current transaction ends. */
        ChainHead lockHead();

        void insert(AuditEntry entry);

        void moveHead(ChainHead head);
    }

    private AuditChain() {
    }

    /**
     * Appends one event: locks the head, takes the time (after the lock, so times follow sequence
     * numbers on one node), chains the event to the head and moves the head on.
     */
    public static AuditEntry append(Store store, Clock clock, String actor, String action, Long requestId,
                                    String taskId, String businessUnit, String details) {
        ChainHead head = store.lockHead();
        if (head.lastHash() == null) {
            throw new IllegalStateException("The audit trail has events from before the hash chain that are not "
                    + "sealed yet; they are sealed when the application starts");
        }
        AuditEntry entry = seal(head.lastSeq() + 1, clock.instant(), actor, action, requestId, taskId, businessUnit,
                details, head.lastHash());
        store.insert(entry);
        store.moveHead(new ChainHead(entry.seq(), entry.hash()));
        return entry;
    }

    /** The event with this content at this place in the chain, its time truncated to microseconds. */
    public static AuditEntry seal(long seq, Instant occurredAt, String actor, String action, Long requestId,
                                  String taskId, String businessUnit, String details, String prevHash) {
        Instant at = truncate(occurredAt);
        return new AuditEntry(seq, at, actor, action, requestId, taskId, businessUnit, details, prevHash,
                hash(seq, at, actor, action, requestId, taskId, businessUnit, details, prevHash));
    }

    /** The hash the event should have, from its content and its prev_hash (its own hash is ignored). */
    public static String hash(AuditEntry e) {
        return hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.requestId(), e.taskId(), e.businessUnit(),
                e.details(), e.prevHash());
    }

    public static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String hash(long seq, Instant occurredAt, String actor, String action, Long requestId, String taskId,
                       String businessUnit, String details, String prevHash) {
        return HEX.formatHex(sha256().digest(canonical(seq, occurredAt, actor, action, requestId, taskId, businessUnit,
                details, prevHash)));
    }

    static byte[] canonical(long seq, Instant occurredAt, String actor, String action, Long requestId, String taskId,
                            String businessUnit, String details, String prevHash) {
        var out = new ByteArrayOutputStream(256);
        field(out, FORMAT);
        field(out, Long.toString(seq));
        field(out, occurredAt == null ? null : TIME.format(occurredAt));
        field(out, actor);
        field(out, action);
        field(out, requestId == null ? null : requestId.toString());
        field(out, taskId);
        field(out, businessUnit);
        field(out, details);
        field(out, prevHash);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        int length = bytes == null ? -1 : bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
