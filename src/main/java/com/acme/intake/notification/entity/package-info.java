/**
 * What a notification is about: a {@link com.acme.intake.notification.entity.Notice} fired where a
 * request changes status or a review task is created or overdue, and the mail composed from it.
 * A notice carries identifiers only (request id, business unit, dataset, task), never column values
 * or free text a person typed, so no mail can hold raw PII.
 */
package com.acme.intake.notification.entity;
