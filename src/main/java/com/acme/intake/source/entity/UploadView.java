package com.acme.intake.source.entity;

import java.util.List;

/** The answer to an upload: what the intake form needs to prefill the columns. */
public record UploadView(String uploadId, String fileName, long sizeBytes, List<UploadColumn> columns, long rowCount) {
}
