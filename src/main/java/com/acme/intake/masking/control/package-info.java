/**
 * Masking of column values while rows stream from a source into the warehouse. Plain Java: no
 * engine, no JPA, no Jakarta API, so every rule is unit-tested in milliseconds.
 * <p>
 * {@link com.acme.intake.masking.control.ColumnMasker} is the entry point: compiled once per column
 * and loader thread, then called for every value. No exception thrown here contains a column value;
 * raw PII must never reach a log or an error message.
 */
package com.acme.intake.masking.control;
