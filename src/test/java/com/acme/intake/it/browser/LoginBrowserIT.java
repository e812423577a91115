package com.acme.intake.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.acme.intake.it.Deployments;

/**
 * Form login in a real browser, under the Content-Security-Policy: both languages, the demo banner
 * (the test servers run with INTAKE_DEMO=true), a wrong password, the way back after logout.
 */
@ExtendWith(ArquillianExtension.class)
class LoginBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Browser browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void alice_logs_in_in_japanese_and_lands_on_her_requests() {
        browser = new Browser(base, "ja");
        browser.open("login.html");
        browser.waitForText(By.cssSelector("h1"), "ログイン");
        assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("ja");
        assertThat(browser.driver().findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("ユーザー名");
        browser.waitForText(By.id("demo-banner"), "デモモード");
        assertThat(browser.driver().findElement(By.id("demo-hint")).isDisplayed()).isTrue();
        browser.screenshot("login");

        browser.loginForm("alice", "demo");

        browser.until(ExpectedConditions.urlContains("requests.html"));
        browser.waitForText(By.cssSelector("#app-header .who"), "alice");
        var nav = browser.driver().findElement(By.cssSelector("#app-header nav")).getText();
        assertThat(nav).contains("新規申請", "自分の申請", "カタログ").doesNotContain("監査");
        browser.waitForText(By.id("demo-banner"), "デモモード");
    }

    @Test
    void alice_logs_in_in_english_and_switches_to_japanese() {
        browser = new Browser(base, "en-US");
        browser.login("alice");
        browser.waitForText(By.cssSelector("#app-header nav"), "My requests");
        assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("en");
        browser.waitForText(By.id("demo-banner"), "DEMO MODE");

        var select = new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("lang-switch")));
        select.selectByValue("ja");

        browser.waitForText(By.cssSelector("#app-header nav"), "自分の申請");
        assertThat(browser.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("ja");
    }

    @Test
    void wrong_password_shows_the_error_and_keeps_the_user_out() {
        browser = new Browser(base, "en");
        browser.open("login.html?next=" + java.net.URLEncoder.encode(pathOf("requests.html"), java.nio.charset.StandardCharsets.UTF_8));
        browser.loginForm("alice", "wrong");

        var error = browser.waitFor(By.id("login-error"));
        assertThat(error.getText()).isEqualTo("Unknown user or wrong password.");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(browser.driver().getCurrentUrl()).contains("error=1");

        browser.open("requests.html");
        browser.until(ExpectedConditions.urlContains("login.html?next="));
    }

    @Test
    void logout_ends_the_session() {
        browser = new Browser(base, "en");
        browser.login("alice");
        browser.waitFor(By.cssSelector("#app-header .logout button")).click();
        browser.until(ExpectedConditions.urlContains("login.html"));

        browser.open("requests.html");

        browser.until(ExpectedConditions.urlContains("login.html?next="));
        browser.waitFor(By.id("username"));
    }

    private String pathOf(String page) {
        return java.net.URI.create(browser.url(page)).getPath();
    }
}
