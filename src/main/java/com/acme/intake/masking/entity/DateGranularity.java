package com.acme.intake.masking.entity;

/** What {@code GENERALIZE_DATE} keeps of a date: its year (1 January) or its month (the 1st). */
public enum DateGranularity {
    YEAR,
    MONTH
}
