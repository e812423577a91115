package com.acme.intake.workflow.entity;

/** What a decided review was: which task, on which process instance, with which outcome. */
public record CompletedReview(String taskId, String taskKey, String processInstanceId, Outcome outcome) {
}
