/**
 * Writing and reading the audit trail: the hash chain ({@code AuditChain}, plain Java, re-checkable
 * by anyone), appends in the caller's transaction ({@code AuditTrail}), the JDBC reader and verifier
 * that go through the trail page by page, and the streaming Excel workbook.
 */
package com.acme.intake.audit.control;
