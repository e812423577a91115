package com.acme.intake.security;

import java.util.Set;

/** A user as the application knows them: roles, and the business unit a requester acts for. */
public record AppUser(String name, Set<String> roles, String businessUnit) {
}
