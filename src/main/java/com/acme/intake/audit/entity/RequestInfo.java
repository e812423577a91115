package com.acme.intake.audit.entity;

import java.util.List;

/**
 * What the audit export shows of a request named by its events.
 *
 * @param masking one {@code name:pii/method} per column, in column order
 */
public record RequestInfo(long id, String title, String businessUnit, String dataset, String requester,
                          String status, List<String> masking) {
}
