package com.acme.intake.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * DEMO ONLY. The users of the embedded default (DESIGN §5), all with the password {@value #PASSWORD}.
 * They exist only in demo mode (the embedded default, or {@code INTAKE_DEMO=true} on purpose; see
 * {@code database.control.Installation}); production takes users from the {@code app_user} table.
 */
final class DemoUsers {

    static final String PASSWORD = "demo";

    private static final Map<String, AppUser> USERS = Map.of(
            "alice", new AppUser("alice", Set.of(Role.REQUESTER), "marketing"),
            "bob", new AppUser("bob", Set.of(Role.REQUESTER), "sales"),
            "priya", new AppUser("priya", Set.of(Role.PRIVACY_REVIEWER), null),
            "paul", new AppUser("paul", Set.of(Role.PLATFORM_ENGINEER), null),
            "pat", new AppUser("pat", Set.of(Role.PLATFORM_ENGINEER), null),
            "grace", new AppUser("grace", Set.of(Role.GOVERNANCE_LEAD), null),
            "audrey", new AppUser("audrey", Set.of(Role.AUDITOR), null),
            "admin", new AppUser("admin", Set.of(Role.ADMIN), null));

    private DemoUsers() {
    }

    static Optional<AppUser> find(String name) {
        return Optional.ofNullable(USERS.get(name));
    }

    /** DEMO ONLY: every demo user's address is {@code <name>@example.com} (a domain that receives no mail). */
    static Optional<String> email(String name) {
        return find(name).map(u -> u.name() + "@example.com");
    }

    static Set<String> withRole(String role) {
        Set<String> names = new TreeSet<>();
        USERS.values().stream().filter(u -> u.roles().contains(role)).forEach(u -> names.add(u.name()));
        return names;
    }
}
