package com.acme.intake.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import com.acme.intake.it.Api;
import com.acme.intake.it.Deployments;
import com.acme.intake.it.RequestBodies;
import com.acme.intake.it.SourceFixture;

/**
 * The intake form in a real browser, rendered by form-js from forms/intake-request.form: server
 * errors beside their fields, client-side validation, column prefill from a registered table and
 * from an uploaded CSV, and a valid submission that reaches the privacy review.
 */
@ExtendWith(ArquillianExtension.class)
class IntakeFormBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Browser browser;
    Api api;

    @BeforeAll
    static void source() throws java.sql.SQLException {
        SourceFixture.ensureCustomers();
    }

    @BeforeEach
    void open() {
        api = new Api(base);
        browser = new Browser(base, "en");
        browser.login("alice");
        browser.open("new-request.html");
        browser.waitForFormReady();
    }

    @AfterEach
    void close() {
        browser.close();
    }

    @Test
    void a_dataset_name_the_server_refuses_is_shown_beside_the_dataset_field_and_nothing_is_stored() {
        int before = api.get("alice", "api/requests?mine=true").array().size();
        fillGeneral("Reserved word", "select");
        prefillFromTable("demo", "customers");

        submit();

        var error = browser.waitFor(By.cssSelector(".server-error[data-field='dataset']"));
        browser.screenshot("new-request");
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("reserved");
        WebElement dataset = field("Field_dataset");
        assertThat(dataset.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(dataset.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(error.findElement(By.xpath("ancestor::div[contains(@class,'fjs-form-field')][1]"))
                .findElements(By.cssSelector("[id$='-Field_dataset']"))).hasSize(1);
        var summary = browser.waitFor(By.id("server-errors"));
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElements(By.cssSelector("li[data-field='dataset'] a"))).hasSize(1);
        assertThat(browser.driver().getCurrentUrl()).contains("new-request.html");
        assertThat(api.get("alice", "api/requests?mine=true").array()).hasSize(before);
    }

    @Test
    void required_fields_are_checked_in_the_browser_before_anything_is_sent() {
        int before = api.get("alice", "api/requests?mine=true").array().size();
        field("Field_dataset").sendKeys("no_title");

        submit();

        var titleError = browser.waitFor(By.cssSelector("[id$='-Field_title-error-message']"));
        assertThat(titleError.getText()).contains("required");
        assertThat(field("Field_title").getAttribute("aria-describedby")).contains(titleError.getAttribute("id"));
        assertThat(browser.driver().findElements(By.id("server-errors"))).isEmpty();
        assertThat(browser.driver().getCurrentUrl()).contains("new-request.html");
        assertThat(api.get("alice", "api/requests?mine=true").array()).hasSize(before);
    }

    @Test
    void columns_are_prefilled_from_the_registered_demo_table() {
        prefillFromTable("demo", "customers");

        assertThat(columnNames()).contains("customer_id", "email", "birth_date");
        assertThat(browser.driver().findElement(By.id("prefill-status")).getText()).contains("columns");
        assertThat(field("Field_connection").getAttribute("value")).isEqualTo("demo");
        assertThat(field("Field_table").getAttribute("value")).isEqualTo("customers");
    }

    @Test
    void columns_are_prefilled_from_an_uploaded_csv_and_the_request_loads_that_file() throws Exception {
        Path csv = Files.createTempFile("members", ".csv");
        Files.writeString(csv, "member_id,nickname,joined\n1,Taro,2024-01-02\n2,Anna,2024-03-04\n", StandardCharsets.UTF_8);
        try {
            browser.driver().findElement(By.id("prefill-file")).sendKeys(csv.toAbsolutePath().toString());
            browser.driver().findElement(By.id("prefill-upload")).click();
            browser.waitForText(By.id("prefill-status"), "2 rows");

            assertThat(columnNames()).containsExactly("member_id", "nickname", "joined");
            assertThat(browser.waitFor(By.id("file-source")).getText()).contains(csv.getFileName().toString());

            fillGeneral("Members from a file", "members_file");
            submit();
            browser.until(ExpectedConditions.urlContains("request.html?id="));
            long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
            var stored = api.get("alice", "api/requests/" + id).object();
            assertThat(stored.getJsonObject("source").getString("kind")).isEqualTo("FILE");
            assertThat(stored.getJsonObject("source").getString("fileName")).isEqualTo(csv.getFileName().toString());
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    @Test
    void a_valid_request_lands_on_its_page_in_privacy_review() {
        fillGeneral("CRM customers from the browser", "browser_customers");
        prefillFromTable("demo", "customers");
        int email = columnNames().indexOf("email");
        choose("Field_pii_" + email, "Personal");
        choose("Field_method_" + email, "Mask e-mail local part");

        submit();

        browser.until(ExpectedConditions.urlContains("request.html?id="));
        browser.waitForText(By.cssSelector("main .badge"), "In privacy review");
        assertThat(browser.driver().findElement(By.id("columns-table")).getText()).contains("email", "Mask e-mail local part");
        assertThat(browser.driver().findElement(By.id("routing")).getText()).contains("privacy review");
        assertThat(browser.driver().findElement(By.cssSelector("ol.timeline li[aria-current='step']")).getText())
                .contains("Privacy review");
        browser.screenshot("request");
        long id = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PRIVACY_REVIEW");

        browser.open("requests.html");
        browser.waitFor(By.cssSelector("#requests-table tr[data-id='" + id + "']"));
        browser.screenshot("requests");
    }

    @Test
    void a_request_sent_back_for_changes_is_revised_in_the_prefilled_form() {
        long id = api.submit("alice", RequestBodies.withPii("to_be_revised"));
        String task = api.awaitTask("priya", id, "privacyReview");
        assertThat(api.post("priya", "api/tasks/" + task + "/decision",
                "{\"outcome\": \"REQUEST_CHANGES\", \"comment\": \"describe the columns\"}").status()).isEqualTo(200);
        api.awaitStatus("alice", id, "CHANGES_REQUESTED", Duration.ofSeconds(30));
        String title = api.get("alice", "api/requests/" + id).object().getString("title");

        browser.open("request.html?id=" + id);
        browser.waitFor(By.id("revise")).click();
        browser.until(ExpectedConditions.urlContains("new-request.html?revise=" + id));
        browser.waitForFormReady();
        browser.until(d -> title.equals(field("Field_title").getAttribute("value")));
        assertThat(field("Field_dataset").getAttribute("value")).isEqualTo("to_be_revised");
        var input = field("Field_title");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Revised in the browser");
        submit();

        browser.until(ExpectedConditions.urlContains("request.html?id=" + id));
        browser.waitForText(By.cssSelector("main .badge"), "In privacy review");
        var revised = api.get("alice", "api/requests/" + id).object();
        assertThat(revised.getString("title")).isEqualTo("Revised in the browser");
        assertThat(revised.getString("status")).isEqualTo("IN_PRIVACY_REVIEW");
    }

    @Test
    void a_request_under_review_is_withdrawn_from_its_page() {
        long id = api.submit("alice", RequestBodies.withoutPii("to_be_withdrawn"));
        browser.open("request.html?id=" + id);
        browser.waitFor(By.id("withdraw")).click();
        browser.until(ExpectedConditions.alertIsPresent()).accept();

        browser.waitForText(By.cssSelector("main .badge"), "Withdrawn");
        assertThat(browser.driver().findElements(By.id("withdraw"))).isEmpty();
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("WITHDRAWN");
    }

    private void fillGeneral(String title, String dataset) {
        field("Field_title").sendKeys(title);
        field("Field_dataset").sendKeys(dataset);
        choose("Field_layer", "Entity");
        field("Field_purpose").sendKeys("churn analysis");
        choose("Field_refresh", "Daily");
    }

    private void prefillFromTable(String source, String table) {
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("prefill-source"))).selectByValue(source);
        var input = browser.driver().findElement(By.id("prefill-table"));
        input.clear();
        input.sendKeys(table);
        browser.driver().findElement(By.id("prefill-from-source")).click();
        browser.waitForText(By.id("prefill-status"), "columns taken");
    }

    private void submit() {
        browser.driver().findElement(By.id("submit")).click();
    }

    /** The form-js input of a field by its id in the form definition (with _index inside the column list). */
    private WebElement field(String fieldId) {
        return browser.waitFor(By.cssSelector("#form-container [id$='-" + fieldId + "']"));
    }

    /** Picks an option of a form-js select with the keyboard-free way a mouse user does. */
    private void choose(String fieldId, String option) {
        browser.waitFor(By.cssSelector("#form-container [id$='-" + fieldId + "-display']")).click();
        var item = browser.waitFor(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='"
                + option + "']"));
        item.click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#form-container [id$='-" + fieldId + "-display']"), option));
    }

    private List<String> columnNames() {
        return browser.driver().findElements(By.cssSelector("#form-container input[id*='-Field_name_']")).stream()
                .map(e -> e.getAttribute("value")).toList();
    }

}
