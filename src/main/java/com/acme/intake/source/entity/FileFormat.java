package com.acme.intake.source.entity;

import java.util.Locale;
import java.util.Optional;

/** The file formats an upload may have, recognised by the file name's extension. */
public enum FileFormat {
    CSV(".csv"),
    XLSX(".xlsx");

    private final String extension;

    FileFormat(String extension) {
        this.extension = extension;
    }

    public static Optional<FileFormat> of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (FileFormat format : values()) {
            if (lower.endsWith(format.extension) && lower.length() > format.extension.length()) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
