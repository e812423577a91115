package com.acme.intake.masking.entity;

/** How personal a column's data is; ordered from least to most sensitive. */
public enum PiiCategory {
    NONE,
    PERSONAL,
    /** Special categories such as health, religion, union membership. */
    SENSITIVE;

    public boolean isPii() {
        return this != NONE;
    }
}
