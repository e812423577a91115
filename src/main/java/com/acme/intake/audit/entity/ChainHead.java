package com.acme.intake.audit.entity;

/**
 * The end of the hash chain as the {@code audit_chain_head} row records it: the last sequence number
 * handed out and that event's hash. A null hash means older events still wait to be sealed.
 */
public record ChainHead(long lastSeq, String lastHash) {
}
