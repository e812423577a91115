package com.acme.intake.workflow.entity;

import java.time.Instant;

/**
 * An open task as the inbox shows it, without engine types. {@code problem} is the error of a failed
 * provisioning on the platform team's resolve task (never data values), otherwise null.
 */
public record ReviewTask(String id, String key, String name, String processInstanceId, Instant created, Instant due,
                         boolean overdue, String assignee, String problem) {
}
