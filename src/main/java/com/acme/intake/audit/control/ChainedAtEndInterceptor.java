package com.acme.intake.audit.control;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a {@link ChainedAtEnd} method inside its transaction: after the {@code @Transactional}
 * interceptor (priority {@code PLATFORM_BEFORE + 200}) has begun it, and returning before it commits.
 */
@ChainedAtEnd
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 250)
public class ChainedAtEndInterceptor {

    @Inject
    AuditTrail audit;

    @AroundInvoke
    Object chainAtEnd(InvocationContext invocation) throws Exception {
        return audit.deferring(invocation::proceed);
    }
}
