package com.acme.intake.source.entity;

/** A registered source as anyone may see it: its name and kind, never where it is or how to log in. */
public record SourceSummary(String name, String kind) {
}
