package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser's way in, over real HTTP: form login to a session cookie (HttpOnly, SameSite=Lax),
 * {@code /api/me}, the CSRF guard on unsafe calls of a session, no Basic challenge for the UI,
 * local redirects only, failed form logins on the audit trail, logout.
 */
@ExtendWith(ArquillianExtension.class)
class SessionLoginIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void form_login_gives_an_http_only_same_site_session_that_the_api_accepts() throws Exception {
        String next = URI.create(base + "requests.html").getPath();
        var login = login("alice", "demo", next);

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith(next);
        String setCookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        var me = send("GET", "api/me", cookie(login), List.of());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"alice\"", "\"roles\":[\"requester\"]",
                "\"businessUnit\":\"marketing\"");
    }

    @Test
    void a_session_changes_nothing_without_the_ui_header() throws Exception {
        String cookie = cookie(login("alice", "demo", null));
        int before = api.get("alice", "api/requests?mine=true").array().size();
        String body = RequestBodies.withPii("session_csrf");

        var forged = send("POST", "api/requests", cookie, List.of("Content-Type", "application/json"), body);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(403);
        assertThat(api.get("alice", "api/requests?mine=true").array()).hasSize(before);

        var fromUi = send("POST", "api/requests", cookie,
                List.of("Content-Type", "application/json", "X-Requested-With", "intake-ui"), body);
        assertThat(fromUi.statusCode()).as(fromUi.body()).isEqualTo(201);
        assertThat(api.get("alice", "api/requests?mine=true").array()).hasSize(before + 1);
    }

    @Test
    void the_ui_gets_401_without_a_basic_challenge_and_scripts_get_the_challenge() throws Exception {
        var ui = send("GET", "api/requests", null, List.of("X-Requested-With", "intake-ui"));
        assertThat(ui.statusCode()).isEqualTo(401);
        assertThat(ui.headers().firstValue("WWW-Authenticate")).isEmpty();

        var script = send("GET", "api/requests", null, List.of());
        assertThat(script.statusCode()).isEqualTo(401);
        assertThat(script.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    }

    @Test
    void a_wrong_password_goes_back_to_the_form_and_is_audited() throws Exception {
        var login = login("bob", "wrong-form-password", null);

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location").orElseThrow()).contains("login.html?error=1");
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        var refused = api.get("audrey", "api/audit?actor=bob&action=ACCESS_REFUSED");
        assertThat(refused.body()).contains("POST").contains("/login refused (401)").doesNotContain("wrong-form-password");
    }

    @Test
    void next_leads_only_to_a_page_of_the_application() throws Exception {
        var login = login("alice", "demo", "//evil.example/phish");
        String context = URI.create(base.toString()).getPath();
        String location = login.headers().firstValue("Location").orElseThrow();
        assertThat(location).doesNotContain("evil.example");
        assertThat(URI.create(base.toString()).resolve(location).getPath()).isEqualTo(context.endsWith("/") ? context : context + "/");
    }

    @Test
    void logout_ends_the_session() throws Exception {
        String cookie = cookie(login("alice", "demo", null));
        assertThat(send("GET", "api/me", cookie, List.of()).statusCode()).isEqualTo(200);

        var logout = send("POST", "logout", cookie, List.of());

        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location").orElseThrow()).endsWith("login.html");
        assertThat(send("GET", "api/me", cookie, List.of("X-Requested-With", "intake-ui")).statusCode()).isEqualTo(401);
    }

    @Test
    void texts_are_public_in_both_languages() throws Exception {
        var en = send("GET", "i18n?lang=en", null, List.of());
        var ja = send("GET", "i18n?lang=ja", null, List.of());
        assertThat(en.statusCode()).isEqualTo(200);
        assertThat(en.body()).contains("\"login.submit\":\"Sign in\"");
        assertThat(ja.body()).contains("\"login.submit\":\"ログイン\"");
        assertThat(send("GET", "i18n?lang=fr", null, List.of()).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> login(String user, String password, String next) throws Exception {
        String form = "username=" + enc(user) + "&password=" + enc(password) + (next == null ? "" : "&next=" + enc(next));
        return http.send(HttpRequest.newBuilder(URI.create(base + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String cookie, List<String> headers) throws Exception {
        return send(method, path, cookie, headers, null);
    }

    private HttpResponse<String> send(String method, String path, String cookie, List<String> headers, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpResponse<String> login) {
        return login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.split(";", 2)[0]).findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
