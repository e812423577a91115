package com.acme.intake.request.entity;

/** The kind of dataset, as data teams model them. */
public enum Layer {
    EVENT_LOG,
    ENTITY,
    METRIC
}
