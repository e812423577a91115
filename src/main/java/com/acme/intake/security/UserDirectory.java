package com.acme.intake.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
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
import com.acme.intake.database.control.Installation;

/**
 * Who the users are. In demo mode ({@link Installation#demo()}), the demo users ({@link DemoUsers}); otherwise the
 * {@code app_user} and {@code app_user_role} tables, with PBKDF2 password hashes in the format of
 * Jakarta Security's {@link Pbkdf2PasswordHash}.
 */
@ApplicationScoped
public class UserDirectory {

    /** How long a verified name and password are remembered (ISO-8601; PT0S: never). */
    public static final String CREDENTIAL_CACHE_PROPERTY = "intake.security.credential-cache";
    private static final Logger LOG = Logger.getLogger(UserDirectory.class.getName());

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Config config;

    private boolean demo;

    /**
     * A hash of a random password that nobody knows, in the current parameters: an unknown or
     * disabled user's password is checked against it, so that a refusal takes as long as for a
     * known user and timing does not tell which names exist.
     */
    private volatile String unknownUserHash;

    private Duration recheckInterval = Duration.ZERO;

    private VerifiedCredentials verified = new VerifiedCredentials(Duration.ZERO, System::nanoTime);

    @PostConstruct
    void init() {
        demo = Installation.current().demo();
        passwordHash.initialize(Map.of());
        Duration ttl = config.getOptionalValue(CREDENTIAL_CACHE_PROPERTY, String.class).map(UserDirectory::ttl)
                .orElse(Duration.ofSeconds(60));
        verified = new VerifiedCredentials(ttl, System::nanoTime);
        recheckInterval = ttl;
        if (demo) {
            LOG.warning("DEMO USERS ARE ENABLED (alice, bob, priya, paul, pat, grace, audrey, admin; password 'demo'). "
                    + "For demonstration only: configure INTAKE_DB_URL without INTAKE_DEMO for production.");
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
        Optional<AppUser> known = verified.find(name, password);
        if (known.isPresent()) {
            return known;
        }
        Optional<AppUser> user = verify(name, password);
        if (user.isPresent()) {
            verified.remember(name, password, user.get());
        } else {
            verified.forget(name);
        }
        return user;
    }

    static Duration ttl(String value) {
        try {
            Duration ttl = Duration.parse(value.strip());
            if (!ttl.isNegative() && ttl.compareTo(Duration.ofHours(1)) <= 0) {
                return ttl;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new IllegalStateException(CREDENTIAL_CACHE_PROPERTY + " must be an ISO-8601 duration from PT0S to PT1H, not "
                + value);
    }

    /**
     * Checks the password against its PBKDF2 hash in {@code app_user}: deliberately slow, and as slow
     * for a name that is unknown or disabled.
     */
    private Optional<AppUser> verify(String name, char[] password) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement(
                     "SELECT password_hash FROM app_user WHERE username = ? AND enabled = TRUE")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    passwordHash.verify(password, unknownUserHash());
                    return Optional.empty();
                }
                if (!passwordHash.verify(password, rs.getString(1))) {
                    return Optional.empty();
                }
            }
            return find(c, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            hash = passwordHash.generate(java.util.UUID.randomUUID().toString().toCharArray());
            unknownUserHash = hash;
        }
        return hash;
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

    /**
     * The user as the directory has them now, only while they are enabled: a browser session is
     * checked against it as often as a Basic login is verified ({@link #recheckInterval()}).
     */
    public Optional<AppUser> active(String name) {
        if (demo) {
            return DemoUsers.find(name);
        }
        try (Connection c = dataSource.getConnection()) {
            return find(c, name, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read users", e);
        }
    }

    /** How long a verified login stands before the directory is asked again (the credential cache's lifetime). */
    public Duration recheckInterval() {
        return recheckInterval;
    }

    private static Optional<AppUser> find(Connection c, String name) throws SQLException {
        return find(c, name, false);
    }

    private static Optional<AppUser> find(Connection c, String name, boolean enabledOnly) throws SQLException {
        String businessUnit;
        try (PreparedStatement st = c.prepareStatement("SELECT business_unit FROM app_user WHERE username = ?"
                + (enabledOnly ? " AND enabled = TRUE" : ""))) {
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
