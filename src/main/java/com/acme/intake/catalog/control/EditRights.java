package com.acme.intake.catalog.control;

import java.util.Set;

import com.acme.intake.security.Role;

/**
 * Who may edit a catalog entry's descriptions and gap notes: the dataset's owner, who knows the
 * data, and platform engineers, who run the warehouse. Everyone else only reads.
 */
public final class EditRights {

    private EditRights() {
    }

    public static boolean mayEdit(String user, Set<String> roles, String owner) {
        return roles.contains(Role.PLATFORM_ENGINEER) || (user != null && user.equals(owner));
    }

    /** Why {@code user} may not edit the entry; for the 403 answer. */
    public static String refusal(String key, String owner) {
        return "only the owner of " + key + " (" + owner + ") or a platform engineer may edit its catalog entry";
    }
}
