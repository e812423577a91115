package com.acme.intake.audit.control;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks transactional actions whose audit events are chained when they return rather than when they
 * are recorded, so that the chain head is locked only for the last moments of the transaction
 * (see {@link AuditTrail#deferring}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ChainedAtEnd {
}
