package com.acme.intake.workflow.entity;

/**
 * What the process needs to know about a request: who asked, for which dataset, and the inputs of
 * the routing decision.
 */
public record RoutingFacts(long requestId, String requester, String businessUnit, String dataset, String highestPii,
                           boolean piiKeptUnmasked, String sourceKind) {
}
