package com.acme.intake.source.entity;

import java.time.Instant;

/**
 * A stored upload's facts (its content is kept apart and streamed).
 *
 * @param encoding the character set of a CSV file ({@code UTF-8} or {@code windows-31j}); null for XLSX
 * @param rowCount data rows below the header
 */
public record Upload(String id, String fileName, FileFormat format, String contentType, String encoding,
        long sizeBytes, long rowCount, String uploadedBy, String businessUnit, Instant createdAt) {
}
