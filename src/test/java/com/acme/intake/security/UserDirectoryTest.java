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
    void unknown_and_disabled_users_are_refused_after_the_same_password_hash_as_known_ones() throws SQLException {
        // given: a directory with one enabled and one disabled user, and a hash that counts its work
        var db = TestDatabases.migratedH2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, password_hash, business_unit, enabled) VALUES "
                    + "('rina', 'hash-of-rina', NULL, TRUE), ('old', 'hash-of-old', NULL, FALSE)");
        }
        java.util.List<String> verified = new java.util.ArrayList<>();
        var users = new UserDirectory();
        users.dataSource = db;
        users.passwordHash = new jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash() {
            @Override
            public void initialize(java.util.Map<String, String> parameters) {
            }

            @Override
            public String generate(char[] password) {
                return "hash-of-nobody";
            }

            @Override
            public boolean verify(char[] password, String hashedPassword) {
                verified.add(hashedPassword);
                return false;
            }
        };

        // when
        assertThat(users.authenticate("rina", "wrong".toCharArray())).isEmpty();
        assertThat(users.authenticate("nobody", "wrong".toCharArray())).isEmpty();
        assertThat(users.authenticate("old", "wrong".toCharArray())).isEmpty();

        // then: each refusal paid for one verification, so timing does not tell which names exist
        assertThat(verified).containsExactly("hash-of-rina", "hash-of-nobody", "hash-of-nobody");
    }

    @Test
    void a_disabled_user_is_not_active_and_a_removed_role_is_gone() throws SQLException {
        var db = TestDatabases.migratedH2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, password_hash, business_unit, enabled) VALUES "
                    + "('rina', 'x', NULL, TRUE), ('old', 'x', NULL, FALSE)");
            s.execute("INSERT INTO app_user_role (username, role) VALUES ('rina', 'auditor'), ('old', 'auditor')");
        }
        var users = new UserDirectory();
        users.dataSource = db;

        assertThat(users.active("rina")).map(AppUser::roles).contains(java.util.Set.of(Role.AUDITOR));
        assertThat(users.active("old")).isEmpty();
        assertThat(users.find("old")).as("still known, for names on old events").isPresent();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM app_user_role WHERE username = 'rina'");
        }
        assertThat(users.active("rina")).map(AppUser::roles).contains(java.util.Set.of());
    }

    @Test
    void demo_users_have_example_addresses_and_their_roles() {
        assertThat(DemoUsers.email("priya")).contains("priya@example.com");
        assertThat(DemoUsers.email("mallory")).isEmpty();
        assertThat(DemoUsers.withRole(Role.PLATFORM_ENGINEER)).containsExactly("pat", "paul");
    }
}
