package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.json.Json;

/**
 * Every answer carries the browser's security headers: pages, static assets, API answers and the
 * authentication's own refusals. The test servers run in demo mode (INTAKE_DEMO=true), so every
 * answer also says so, and the demo banner has its text in both languages.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityHeadersIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pages_assets_api_answers_and_refusals_carry_the_security_headers() throws Exception {
        for (var answer : List.of(get("login.html", null), get("requests.html", null), get("js/common.js", null),
                get("css/app.css", null), get("api/me", "alice"), get("api/me", null), get("i18n?lang=en", null),
                get("no-such-page.html", null))) {
            var headers = answer.headers();
            String what = answer.request().uri() + " → " + answer.statusCode();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(what).contains("script-src 'self'", "frame-ancestors 'none'", "img-src 'self'")
                    .doesNotContain("unsafe-eval").doesNotContainPattern("script-src[^;]*unsafe-inline");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).contains("same-origin");
        }
        assertThat(get("api/me", null).statusCode()).isEqualTo(401);
        assertThat(get("api/me", "alice").statusCode()).isEqualTo(200);
    }

    @Test
    void demo_mode_is_announced_on_every_answer_and_the_banner_speaks_both_languages() throws Exception {
        assertThat(get("login.html", null).headers().firstValue("X-Intake-Demo")).contains("true");
        assertThat(get("api/me", "alice").headers().firstValue("X-Intake-Demo")).contains("true");

        var en = Json.createReader(new java.io.StringReader(get("i18n?lang=en", null).body())).readObject();
        var ja = Json.createReader(new java.io.StringReader(get("i18n?lang=ja", null).body())).readObject();
        assertThat(en.getString("demo.banner")).startsWith("DEMO MODE");
        assertThat(ja.getString("demo.banner")).startsWith("デモモード");
    }

    @Test
    void pages_have_no_inline_script_for_the_policy_to_block() throws Exception {
        for (String page : List.of("login.html", "index.html", "new-request.html", "requests.html", "request.html",
                "inbox.html", "task.html", "catalog.html", "catalog-entry.html", "audit.html")) {
            String html = get(page, null).body();
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>")
                    .doesNotContainPattern("(?i)\\son[a-z]+\\s*=").doesNotContain("javascript:");
        }
    }

    private HttpResponse<String> get(String path, String user) throws Exception {
        var request = HttpRequest.newBuilder(base.toURI().resolve(path));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
