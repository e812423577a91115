package com.acme.intake.security;

/**
 * Who sees what of which business unit: staff (the roles in {@link Role#STAFF}) see every business
 * unit; anyone else only their own, and nothing without one. The one place of the rule for requests
 * and uploads; what is not visible is answered like what does not exist.
 */
public final class BusinessUnitAccess {

    private BusinessUnitAccess() {
    }

    /** True for a user who reviews or oversees the requests of every business unit. */
    public static boolean seesEveryUnit(AppUser user) {
        return user.roles().stream().anyMatch(Role.STAFF::contains);
    }

    /** True when {@code user} may see what belongs to {@code businessUnit}. */
    public static boolean sees(AppUser user, String businessUnit) {
        return seesEveryUnit(user) || (businessUnit != null && businessUnit.equals(user.businessUnit()));
    }
}
