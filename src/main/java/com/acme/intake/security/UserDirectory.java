package com.acme.intake.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.eclipse.microprofile.config.Config;

import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.database.control.DatabaseSettings;

/**
 * Who the users are. On the embedded default, the demo users ({@link DemoUsers}); otherwise the
 * {@code app_user} and {@code app_user_role} tables, with PBKDF2 password hashes in the format of
 * Jakarta Security's {@link Pbkdf2PasswordHash}.
 */
@ApplicationScoped
public class UserDirectory {

    public static final String DEMO_USERS_PROPERTY = "intake.demo-users";
    private static final Logger LOG = Logger.getLogger(UserDirectory.class.getName());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Config config;

    private boolean demo;

    @PostConstruct
    void init() {
        demo = config.getOptionalValue(DEMO_USERS_PROPERTY, Boolean.class)
                .orElseGet(DatabaseSettings::embeddedDefault);
        passwordHash.initialize(Map.of());
        if (demo) {
            LOG.warning("DEMO USERS ARE ENABLED (alice, bob, priya, paul, pat, grace, audrey, admin; password 'demo'). "
                    + "For demonstration only: set INTAKE_DEMO_USERS=false and configure a database for production.");
        }
    }

    /** Decides on demo users at startup, so the warning is in the log before anyone logs in. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        demoUsersEnabled();
    }

    public boolean demoUsersEnabled() {
        return demo;
    }

    /** The user, if the password is theirs. */
    public Optional<AppUser> authenticate(String name, char[] password) {
        if (demo) {
            return DemoUsers.find(name).filter(u -> DemoUsers.PASSWORD.equals(new String(password)));
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next() || !passwordHash.verify(password, rs.getString(1))) {
                    return Optional.empty();
                }
            }
            return find(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    public Optional<AppUser> find(String name) {
        if (demo) {
            return DemoUsers.find(name);
        }
        try (Connection c = dataSource.getConnection()) {
            return find(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    /**
     * The user's e-mail address, for notifications: {@code app_user.email} (empty when unset or the
     * user is disabled); demo users have {@code <name>@example.com} (demo only).
     */
    public Optional<String> email(String name) {
        if (demo) {
            return DemoUsers.email(name);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT email FROM app_user WHERE username = ? AND enabled = TRUE")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)).filter(s -> !s.isBlank()) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    /** The enabled users with a role (each role is also the candidate group of the same name), sorted. */
    public Set<String> usersWithRole(String role) {
        if (demo) {
            return DemoUsers.withRole(role);
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT r.username FROM app_user_role r "
                     + "JOIN app_user u ON u.username = r.username WHERE r.role = ? AND u.enabled = TRUE")) {
            st.setString(1, role);
            Set<String> names = new TreeSet<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    private static Optional<AppUser> find(Connection c, String name) throws SQLException {
        String businessUnit;
        try (PreparedStatement st = c.prepareStatement("SELECT business_unit FROM app_user WHERE username = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                businessUnit = rs.getString(1);
            }
        }
        Set<String> roles = new HashSet<>();
        try (PreparedStatement st = c.prepareStatement("SELECT role FROM app_user_role WHERE username = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    roles.add(rs.getString(1));
                }
            }
        }
        return Optional.of(new AppUser(name, Set.copyOf(roles), businessUnit));
    }
}
