package com.acme.intake.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/** HTTP Basic for the API (scripts and curl). */
@BasicAuthenticationMechanismDefinition(realmName = "Data Intake")
@DeclareRoles({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD, Role.AUDITOR,
        Role.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
