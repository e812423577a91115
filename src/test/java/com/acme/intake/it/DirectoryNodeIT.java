package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.acme.intake.scale.PayaraNode;

/**
 * A node configured as in production, not as a demo: its own application database (an H2 file the
 * test opens beside the node, AUTO_SERVER) with users in {@code app_user}, a warehouse, a key.
 * It starts its own Payara Micro (no Arquillian), with a credential cache of 3 s and a login limit
 * of 4 failures, so the test need not wait minutes. Shown here:
 * <ul>
 * <li>no demo users, no demo banner; a node with a warehouse but no INTAKE_DB_URL does not start;</li>
 * <li>the session cookie is Secure outside the embedded default;</li>
 * <li>a browser session loses a removed role, and ends for a disabled user, within the cache time;</li>
 * <li>failed logins are refused with 429 and Retry-After, the lock is audited once, and forged
 * names never become actors.</li>
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryNodeIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Path DIR = Path.of("target", "directory-node-it").toAbsolutePath();
    private static final String DB_URL = "jdbc:h2:file:" + DIR.resolve("data/app-db") + ";AUTO_SERVER=TRUE";

    private static PayaraNode node;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        deleteTree(DIR);
        Files.createDirectories(DIR.resolve("data"));
        Map<String, String> env = withoutInheritedSettings();
        env.put("INTAKE_DB_URL", DB_URL);
        env.put("INTAKE_DB_USER", "sa");
        env.put("INTAKE_DB_PASSWORD", "");
        env.put("INTAKE_WAREHOUSE_URL", "jdbc:h2:file:" + DIR.resolve("data/warehouse"));
        env.put("INTAKE_WAREHOUSE_USER", "sa");
        env.put("INTAKE_WAREHOUSE_PASSWORD", "");
        env.put("INTAKE_DATA_DIR", DIR.resolve("data").toString());
        // TEST-ONLY key of this test's node
        env.put("INTAKE_MASKING_KEY", "test-only-directory-node-key-0123456789");
        env.put("INTAKE_MASKING_KEY_ID", "directory-it");
        env.put("INTAKE_SECURITY_CREDENTIAL_CACHE", "PT3S");
        env.put("INTAKE_LOGIN_THROTTLE_USER_LIMIT", "4");
        env.put("INTAKE_LOGIN_THROTTLE_LOCKOUT", "PT60S");
        env.put("INTAKE_LOGIN_THROTTLE_MAX_DELAY", "PT0.2S");
        node = PayaraNode.start("directory-node", env, "-Xmx384m", DIR).awaitReady(Duration.ofMinutes(5));
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO app_user (username, password_hash, business_unit, enabled) VALUES "
                    + "('rita', '" + hash(PASSWORD) + "', 'marketing', TRUE), "
                    + "('rob', '" + hash(PASSWORD) + "', 'sales', TRUE), "
                    + "('audra', '" + hash(PASSWORD) + "', NULL, TRUE)");
            s.execute("INSERT INTO app_user_role (username, role) VALUES ('rita', 'requester'), "
                    + "('rob', 'requester'), ('audra', 'auditor')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void a_real_database_has_no_demo_users_and_no_demo_banner() throws Exception {
        assertThat(basic("GET", "api/me", "alice", "demo").statusCode()).isEqualTo(401);
        assertThat(basic("GET", "api/me", "admin", "demo").statusCode()).isEqualTo(401);
        var me = basic("GET", "api/me", "rita", PASSWORD);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.headers().firstValue("X-Intake-Demo")).isEmpty();
        assertThat(get("login.html", null).headers().firstValue("X-Intake-Demo")).isEmpty();
    }

    @Test
    @Order(2)
    void the_session_cookie_is_secure_outside_the_embedded_default() throws Exception {
        var login = formLogin("rita", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("Secure").containsIgnoringCase("HttpOnly");
    }

    @Test
    @Order(3)
    void a_session_loses_a_removed_role_and_ends_when_the_user_is_disabled() throws Exception {
        // given: rita signed in through the form, and her session may list her requests
        String cookie = cookie(formLogin("rita", PASSWORD));
        assertThat(get("api/requests?mine=true", cookie).statusCode()).isEqualTo(200);

        // when: an administrator removes her role
        sql("DELETE FROM app_user_role WHERE username = 'rita'");

        // then: within the credential cache time (3 s here, 60 s by default) the session has no role left
        long removed = System.nanoTime();
        int status = awaitStatus("api/requests?mine=true", cookie, 403, Duration.ofSeconds(20));
        assertThat(status).isEqualTo(403);
        System.out.printf("DirectoryNodeIT: removed role refused after %d ms%n", (System.nanoTime() - removed) / 1_000_000);
        assertThat(get("api/me", cookie).body()).contains("\"roles\":[]");

        // and when she is disabled, the session ends within the same time
        sql("INSERT INTO app_user_role (username, role) VALUES ('rita', 'requester')");
        String second = cookie(formLogin("rita", PASSWORD));
        assertThat(get("api/me", second).statusCode()).isEqualTo(200);
        sql("UPDATE app_user SET enabled = FALSE WHERE username = 'rita'");
        long disabled = System.nanoTime();
        assertThat(awaitStatus("api/me", second, 401, Duration.ofSeconds(20))).isEqualTo(401);
        System.out.printf("DirectoryNodeIT: disabled user's session refused after %d ms%n",
                (System.nanoTime() - disabled) / 1_000_000);
        assertThat(get("api/me", second).statusCode()).as("the session is gone for good").isEqualTo(401);
        assertThat(basic("GET", "api/me", "rita", PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(4)
    void repeated_failed_logins_are_refused_with_429_and_the_lock_is_audited_once() throws Exception {
        // given: four wrong passwords for rob
        for (int i = 0; i < 4; i++) {
            assertThat(basic("GET", "api/me", "rob", "wrong-" + i).statusCode()).isEqualTo(401);
        }

        // when: he (or someone) tries again, even with the right password, from Basic or the form
        var refused = basic("GET", "api/me", "rob", PASSWORD);
        var again = basic("GET", "api/me", "ROB", "wrong-again");
        var form = formLogin("rob", PASSWORD);

        // then
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(form.statusCode()).isEqualTo(303);
        assertThat(form.headers().firstValue("Location").orElseThrow()).contains("login.html?error=throttled");
        assertThat(basic("GET", "api/me", "audra", PASSWORD).statusCode()).as("others get in").isEqualTo(200);

        List<JsonObject> events = audit("actor=rob&action=ACCESS_REFUSED");
        assertThat(events.stream().filter(e -> e.getString("details").contains("login throttled"))).hasSize(1);
        assertThat(events.stream().filter(e -> e.getString("details").contains("login failed"))).hasSize(4);
    }

    @Test
    @Order(5)
    void forged_user_names_never_become_actors() throws Exception {
        List<String> forged = List.of("system", "sys\u0001tem", "admin\nREVIEW_DECIDED", "m".repeat(150), "nobody");
        for (String name : forged) {
            assertThat(basic("GET", "api/me", name, "guess").statusCode()).isEqualTo(401);
        }

        List<JsonObject> events = audit("action=ACCESS_REFUSED&size=500");
        assertThat(events).extracting(e -> e.getString("actor")).doesNotContainAnyElementsOf(forged)
                .allMatch(a -> a.chars().noneMatch(Character::isISOControl) && a.length() <= 100)
                .contains("(unknown user)");
        assertThat(events).extracting(e -> e.getString("details")).noneMatch(d -> d.contains("mmmmmmmm"));
    }

    @Test
    @Order(6)
    void a_real_warehouse_without_an_application_database_refuses_to_start() throws Exception {
        Map<String, String> env = withoutInheritedSettings();
        env.put("INTAKE_WAREHOUSE_URL", "jdbc:h2:file:" + DIR.resolve("other/warehouse"));
        env.put("INTAKE_DATA_DIR", DIR.resolve("other").toString());
        env.put("INTAKE_MASKING_KEY", "test-only-directory-node-key-0123456789");
        env.put("INTAKE_MASKING_KEY_ID", "directory-it");
        try (PayaraNode refused = PayaraNode.start("no-db-url-node", env, "-Xmx384m", DIR)) {
            String message = "INTAKE_WAREHOUSE_URL is set but INTAKE_DB_URL is not";
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (System.nanoTime() < deadline && !Files.readString(refused.log()).contains(message)
                    && refused.alive()) {
                Thread.sleep(1000);
            }
            assertThat(Files.readString(refused.log())).contains(message);
            if (refused.alive()) {
                var answer = http.send(HttpRequest.newBuilder(URI.create(refused.base() + "api/me"))
                        .header("Authorization", authorization("admin", "demo")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("the application is not deployed").isNotEqualTo(200);
            }
        }
    }

    /** Blanks (the application reads them as unset) over every INTAKE_* setting failsafe gives the test JVM. */
    private static Map<String, String> withoutInheritedSettings() {
        Map<String, String> env = new HashMap<>();
        System.getenv().keySet().stream().filter(k -> k.startsWith("INTAKE_")).forEach(k -> env.put(k, ""));
        env.put("INTAKE_MAIL_ENABLED", "false");
        env.put("INTAKE_MAIL_SMTP_HOST", "127.0.0.1");
        env.put("INTAKE_MAIL_SMTP_PORT", "25");
        env.put("INTAKE_MAIL_FROM", "data-intake@intake.test");
        env.put("INTAKE_UI_BASE_URL", "http://intake.test");
        env.put("INTAKE_REVIEW_SLA", "P3D");
        return env;
    }

    private int awaitStatus(String path, String cookie, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status;
        do {
            status = get(path, cookie).statusCode();
            if (status == expected) {
                return status;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private List<JsonObject> audit(String query) throws Exception {
        var answer = basic("GET", "api/audit?" + query, "audra", PASSWORD);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.createReader(new StringReader(answer.body())).readObject().getJsonArray("events")
                .getValuesAs(JsonObject.class);
    }

    private HttpResponse<String> formLogin(String user, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(node.base() + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.base() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> basic(String method, String path, String user, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(node.base() + path))
                .header("Authorization", authorization(user, password))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String authorization(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<String> login) {
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(DB_URL, "sa", "");
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = db(); PreparedStatement st = c.prepareStatement(statement)) {
            st.executeUpdate();
        }
    }

    /** A password hash in Jakarta Security's Pbkdf2PasswordHash format, with its default parameters. */
    private static String hash(String password) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        var spec = new PBEKeySpec(password.toCharArray(), salt, 2048, 32 * 8);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return "PBKDF2WithHmacSHA256:2048:" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
