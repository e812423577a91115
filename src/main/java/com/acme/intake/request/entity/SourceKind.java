package com.acme.intake.request.entity;

/** Where the data comes from: a registered JDBC connection, or a file uploaded with the request. */
public enum SourceKind {
    JDBC,
    FILE
}
