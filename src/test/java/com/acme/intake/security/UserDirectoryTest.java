package com.acme.intake.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import com.acme.intake.operations.control.TestDatabases;

/** Production users' e-mail addresses (V7) and role members, as notifications look them up. */
class UserDirectoryTest {

    @Test
    void production_users_have_addresses_and_roles_from_the_database() throws SQLException {
        var db = TestDatabases.migratedH2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, password_hash, business_unit, enabled, email) VALUES "
                    + "('rina', 'x', NULL, TRUE, 'rina@corp.example'), ('ken', 'x', NULL, TRUE, NULL), "
                    + "('old', 'x', NULL, FALSE, 'old@corp.example')");
            s.execute("INSERT INTO app_user_role (username, role) VALUES ('rina', 'privacy-reviewer'), "
                    + "('ken', 'privacy-reviewer'), ('old', 'privacy-reviewer'), ('ken', 'auditor')");
        }
        var users = new UserDirectory();
        users.dataSource = db;

        assertThat(users.email("rina")).contains("rina@corp.example");
        assertThat(users.email("ken")).isEmpty();
        assertThat(users.email("old")).as("disabled users get no mail").isEmpty();
        assertThat(users.email("nobody")).isEmpty();
        assertThat(users.usersWithRole("privacy-reviewer")).containsExactly("ken", "rina");
        assertThat(users.usersWithRole("governance-lead")).isEmpty();
    }

    @Test
    void demo_users_have_example_addresses_and_their_roles() {
        assertThat(DemoUsers.email("priya")).contains("priya@example.com");
        assertThat(DemoUsers.email("mallory")).isEmpty();
        assertThat(DemoUsers.withRole(Role.PLATFORM_ENGINEER)).containsExactly("pat", "paul");
    }
}
