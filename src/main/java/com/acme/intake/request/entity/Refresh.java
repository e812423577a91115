package com.acme.intake.request.entity;

/** How often the dataset is to be reloaded. */
public enum Refresh {
    ONCE,
    HOURLY,
    DAILY,
    WEEKLY,
    MONTHLY
}
