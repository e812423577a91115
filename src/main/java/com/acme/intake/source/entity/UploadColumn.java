package com.acme.intake.source.entity;

import com.acme.intake.masking.entity.ColumnType;

/**
 * A column of an uploaded file.
 *
 * @param name the header turned into a valid column name; requests and loads use this name
 * @param header the header as written in the file, for display
 * @param type inferred from a sample of the rows
 */
public record UploadColumn(String name, String header, ColumnType type) {
}
