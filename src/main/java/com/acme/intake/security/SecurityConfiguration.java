package com.acme.intake.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;

/** The application roles; how callers log in (Basic or the browser session) is {@link IntakeAuthenticationMechanism}. */
@DeclareRoles({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD, Role.AUDITOR,
        Role.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
