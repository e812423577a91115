package com.acme.intake.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

/** The authenticated caller of the current HTTP request. */
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    UserDirectory users;

    @Inject
    HttpServletRequest request;

    private AppUser user;

    public String name() {
        var principal = securityContext.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    /**
     * Whether the caller has the role: one of the groups the request was authenticated with (roles
     * map one to one to groups), else asked of the container, which costs a permission check.
     */
    public boolean is(String role) {
        if (request.getAttribute(IntakeAuthenticationMechanism.CALLER_GROUPS) instanceof Set<?> groups) {
            return groups.contains(role);
        }
        return securityContext.isCallerInRole(role);
    }

    public boolean isStaff() {
        return Role.STAFF.stream().anyMatch(this::is);
    }

    /** The caller's roles, which are also their Camunda candidate groups. */
    public Set<String> roles() {
        return Role.ALL.stream().filter(this::is).collect(Collectors.toUnmodifiableSet());
    }

    /** The business unit a requester acts for; null for staff. */
    public String businessUnit() {
        if (user == null) {
            user = users.find(name()).orElse(new AppUser(name(), Set.of(), null));
        }
        return user.businessUnit();
    }
}
