package com.acme.intake.workflow.entity;

/** A reviewer's decision on a review task: {@code {"outcome": "APPROVE", "comment": "…"}}. */
public record Decision(String outcome, String comment) {
}
