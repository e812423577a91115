/** The audit trail's events, the chain head, the filters of a query and the outcome of a verification. */
package com.acme.intake.audit.entity;
