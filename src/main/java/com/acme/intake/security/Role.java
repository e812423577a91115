package com.acme.intake.security;

import java.util.Set;

/**
 * The application roles. Each is also the Camunda candidate group of the same name, so a user's
 * roles are the groups whose tasks they see.
 */
public final class Role {

    public static final String REQUESTER = "requester";
    public static final String PRIVACY_REVIEWER = "privacy-reviewer";
    public static final String PLATFORM_ENGINEER = "platform-engineer";
    public static final String GOVERNANCE_LEAD = "governance-lead";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL =
            Set.of(REQUESTER, PRIVACY_REVIEWER, PLATFORM_ENGINEER, GOVERNANCE_LEAD, AUDITOR, ADMIN);

    /** Roles that review or oversee requests of every business unit. */
    public static final Set<String> STAFF = Set.of(PRIVACY_REVIEWER, PLATFORM_ENGINEER, GOVERNANCE_LEAD, AUDITOR, ADMIN);

    private Role() {
    }
}
