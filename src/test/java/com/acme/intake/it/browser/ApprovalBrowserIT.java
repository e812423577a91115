package com.acme.intake.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.json.JsonValue;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.acme.intake.it.Api;
import com.acme.intake.it.Deployments;
import com.acme.intake.it.RequestBodies;
import com.acme.intake.it.SourceFixture;

/**
 * The approval in a real browser, end to end: alice submits through the intake form, priya and paul
 * approve in their inboxes, alice sees the load and follows the link to the catalog entry, audrey
 * downloads the Excel export (read back with POI); a four-eyes refusal and a missing comment are
 * explained in words, in English and in Japanese.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalBrowserIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void source() throws Exception {
        SourceFixture.ensureCustomers();
    }

    @AfterEach
    void close() {
        browsers.forEach(Browser::close);
        browsers.clear();
    }

    private Browser browser(String lang) {
        Browser browser = new Browser(base, lang);
        browsers.add(browser);
        return browser;
    }

    @Test
    void request_goes_from_the_form_through_both_inboxes_to_the_catalog_and_the_audit_export() throws IOException {
        Api api = new Api(base);
        String dataset = "browser_flow";
        long id = submitThroughForm(browser("en"), dataset);
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PRIVACY_REVIEW");

        // priya: inbox, claim, task page with masking and routing, a reject without comment refused, approve
        Browser priya = signIn(browser("en"), "priya");
        WebElement row = awaitInboxRow(priya, id, "Privacy review");
        assertThat(row.getText()).contains("alice", "Not claimed", "marketing / " + dataset);
        row.findElement(By.cssSelector("button.claim")).click();
        priya.waitForText(rowCell(id, "td.assignee"), "priya (you)");
        priya.screenshot("inbox");
        priya.driver().findElement(rowCell(id, "a.task-link")).click();
        priya.waitForText(By.id("routing-reason"), "contains personal data");
        assertThat(text(priya, By.id("routing-reviews"))).contains("Privacy review and Platform review");
        int columnCount = api.get("alice", "api/requests/" + id).object().getJsonArray("columns").size();
        assertThat(text(priya, By.id("pii-summary"))).isEqualTo("2 of " + columnCount + " columns hold personal data.");
        String columns = text(priya, By.id("columns-table"));
        assertThat(columns).contains("email", "Mask e-mail local part (EMAIL)", "birth_date", "Generalize date",
                "to = year", "Personal");
        assertThat(text(priya, By.id("task-body"))).contains("churn analysis", "Database source demo", "Daily", "365 days");
        assertThat(text(priya, By.id("history-table"))).contains("Request submitted");
        assertThat(text(priya, By.cssSelector("#task-due time"))).as("due date, en-GB")
                .matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
        priya.script("document.getElementById('columns-h').scrollIntoView()");
        priya.screenshot("task");

        priya.driver().findElement(By.id("decide-reject")).click();
        priya.waitForText(By.cssSelector("#decision-feedback [role=alert]"), "it is required to Reject");
        assertThat(priya.driver().findElement(By.id("decision-comment")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PRIVACY_REVIEW");
        priya.driver().findElement(By.id("decision-comment")).sendKeys("masking is adequate");
        priya.driver().findElement(By.id("decide-approve")).click();
        priya.waitForText(By.id("decision-done"), "In platform review");

        // paul: the platform review, approved without claiming first
        Browser paul = signIn(browser("en"), "paul");
        awaitInboxRow(paul, id, "Platform review");
        paul.driver().findElement(rowCell(id, "a.task-link")).click();
        paul.waitForText(By.id("routing-reviews"), "Platform review");
        paul.waitFor(By.id("decide-approve")).click();
        paul.waitForText(By.id("decision-done"), "Approve");

        // alice: provisioned with rows loaded, then the catalog entry
        long rows = api.awaitStatus("alice", id, "PROVISIONED", Duration.ofSeconds(90))
                .getJsonArray("provisioningRuns").stream().map(JsonValue::asJsonObject)
                .filter(r -> "SUCCEEDED".equals(r.getString("outcome", "")))
                .mapToLong(r -> r.getJsonNumber("rowsWritten").longValue()).max().orElseThrow();
        assertThat(rows).isPositive();
        Browser alice = browsers.get(0);
        alice.open("request.html?id=" + id);
        alice.waitForText(By.id("main"), "Provisioned");
        String loaded = NumberFormat.getIntegerInstance(Locale.UK).format(rows) + " rows loaded";
        alice.waitForText(By.id("main"), loaded);
        alice.waitFor(By.cssSelector("a[href*='catalog-entry.html']")).click();
        alice.waitForText(By.id("entry-last-load"), loaded);
        String key = "marketing__" + dataset;
        assertThat(text(alice, By.id("entry-lineage"))).contains("demo", "staging." + key);
        assertThat(text(alice, By.id("entry-columns"))).contains("email", "Mask e-mail local part", "Personal");
        assertThat(text(alice, By.id("entry-revisions"))).contains("Revision 1", "approved request " + id);
        alice.screenshot("catalog-entry");

        // alice owns the dataset: she edits the description (markdown) and sees revision 2 with its change
        alice.driver().findElement(By.cssSelector("#edit-h")).click();
        WebElement description = alice.waitFor(By.id("edit-description"));
        description.clear();
        description.sendKeys("Customers of the **CRM**, masked. <script>alert(1)</script>");
        alice.driver().findElement(By.cssSelector("#entry-edit button[type=submit]")).click();
        alice.waitForText(By.id("entry-revisions"), "Revision 2");
        assertThat(text(alice, By.id("entry-revisions"))).contains("Changed description");
        assertThat(alice.driver().findElement(By.cssSelector("#entry-description strong")).getText()).isEqualTo("CRM");
        assertThat(alice.driver().findElements(By.cssSelector("#entry-description script"))).isEmpty();

        alice.open("catalog.html");
        alice.waitForText(By.id("catalog-status"), "found");
        alice.waitFor(By.id("catalog-q")).sendKeys(dataset);
        alice.driver().findElement(By.cssSelector("#catalog-search button[type=submit]")).click();
        alice.until(d -> d.getCurrentUrl().contains("q=" + dataset));
        try {
            alice.waitFor(By.cssSelector("#catalog-results li[data-key='" + key + "']"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("catalog search for " + dataset + " at " + alice.driver().getCurrentUrl()
                    + " shows: " + alice.driver().findElement(By.id("main")).getText(), e);
        }
        alice.until(d -> d.findElements(By.cssSelector("#catalog-results li.result")).size() == 1);
        alice.screenshot("catalog");

        // audrey: the trail of this request, chain intact, Excel export read back
        Browser audrey = signIn(browser("en"), "audrey");
        audrey.open("audit.html");
        audrey.waitForText(By.id("chain-ok"), "Chain intact");
        audrey.waitFor(By.id("audit-request")).sendKeys(String.valueOf(id));
        audrey.driver().findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        audrey.until(d -> d.getCurrentUrl().contains("requestId=" + id));
        audrey.waitForText(By.id("audit-events"), "Review decided");
        assertThat(text(audrey, By.id("audit-events"))).contains("Request submitted", "priya", "paul");
        assertThat(audrey.driver().findElement(By.id("audit-export")).getAttribute("href"))
                .endsWith("api/audit/export.xlsx?requestId=" + id + "&lang=en");
        audrey.screenshot("audit");
        // Headless Chromium saves downloads only where the DevTools protocol says so.
        ((ChromeDriver) audrey.driver()).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", audrey.downloads().toAbsolutePath().toString()));
        audrey.driver().findElement(By.id("audit-export")).click();
        Path xlsx = awaitDownload(audrey);
        List<String> events = sheetRows(xlsx, "Events");
        assertThat(events).anySatisfy(r -> assertThat(r).contains("REQUEST_SUBMITTED", "alice"));
        assertThat(events).anySatisfy(r -> assertThat(r).contains("REVIEW_DECIDED", "priya", "privacyReview=APPROVE"));
        assertThat(events).anySatisfy(r -> assertThat(r).contains("REVIEW_DECIDED", "paul"));
        assertThat(events.get(0)).startsWith("seq | ");
        int requestColumn = List.of(events.get(0).split(" \\| ")).indexOf("request");
        assertThat(events.subList(1, events.size())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.split(" \\| ", -1)[requestColumn]).isEqualTo(String.valueOf(id)));
    }

    /**
     * The buttons come from the task's allowedActions: grace, offered the overdue platform review,
     * sees claim and the three decisions; the refusal is translated from its code (FOUR_EYES_SAME_PERSON),
     * in English and in Japanese, with the server's own text beside it.
     */
    @Test
    void four_eyes_refusal_is_explained_in_words() {
        Api api = new Api(base);
        long id = api.submit("alice", RequestBodies.withPii("browser_four_eyes"));
        String privacyTask = awaitOverdueTask(api, "grace", id, "privacyReview");
        assertThat(api.post("grace", "api/tasks/" + privacyTask + "/decision", "{\"outcome\": \"APPROVE\"}").status())
                .isEqualTo(200);
        awaitOverdueTask(api, "grace", id, "platformReview");

        Browser grace = signIn(browser("en"), "grace");
        WebElement row = awaitInboxRow(grace, id, "Platform review");
        assertThat(row.getText()).contains("⚠ Overdue", "Past its due time");
        row.findElement(By.cssSelector("a.task-link")).click();
        grace.waitFor(By.id("decide-approve"));
        String platformTask = grace.driver().getCurrentUrl().replaceAll(".*[?&]id=([^&]+).*", "$1");
        List<String> allowed = api.get("grace", "api/tasks/" + platformTask).object().getJsonArray("allowedActions")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        assertThat(allowed).containsExactly("CLAIM", "APPROVE", "REJECT", "REQUEST_CHANGES");
        assertThat(grace.driver().findElements(By.cssSelector("#decision-form button[name=outcome]")))
                .extracting(b -> b.getAttribute("value"))
                .containsExactlyInAnyOrder("APPROVE", "REJECT", "REQUEST_CHANGES");
        assertThat(grace.driver().findElements(By.id("claim-button"))).hasSize(1);
        assertThat(grace.driver().findElements(By.id("unclaim-button"))).isEmpty();
        grace.driver().findElement(By.id("decide-approve")).click();

        WebElement alert = grace.waitFor(By.cssSelector("#decision-feedback [role=alert]"));
        grace.waitForText(By.cssSelector("#decision-feedback .refusal-message"), "Four-eyes rule");
        assertThat(alert.getText())
                .contains("grace already did the other review of request " + id)
                .contains("needs a different person")
                .contains("Server message:");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PLATFORM_REVIEW");
        grace.script("document.getElementById('decision').scrollIntoView()");
        grace.screenshot("task-four-eyes");

        Browser graceJa = signIn(browser("ja"), "grace");
        graceJa.open("task.html?id=" + platformTask);
        graceJa.waitFor(By.id("decide-approve")).click();
        graceJa.waitForText(By.cssSelector("#decision-feedback .refusal-message"),
                "4つの目の原則：grace は申請 " + id + " のもう一方のレビューを既に行っています");
        assertThat(text(graceJa, By.cssSelector("#decision-feedback [role=alert]")))
                .contains("サーバーのメッセージ：", "grace did the");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("IN_PLATFORM_REVIEW");
    }

    @Test
    void a_reviewer_works_in_japanese() {
        Api api = new Api(base);
        long id = api.submit("alice", RequestBodies.withPii("browser_japanese"));

        Browser priya = signIn(browser("ja"), "priya");
        priya.open("inbox.html");
        priya.waitForText(By.cssSelector("main h1"), "受信箱");
        WebElement row = awaitInboxRow(priya, id, "プライバシーレビュー");
        row.findElement(By.cssSelector("a.task-link")).click();
        priya.waitForText(By.id("routing-reason"), "個人データを含むため");
        assertThat(priya.driver().findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("ja");
        // the review's due date (the SLA), as the API gives it, written the Japanese way
        String due = api.get("priya", "api/tasks/" + api.awaitTask("priya", id, "privacyReview")).object().getString("due");
        WebElement dueTime = priya.waitFor(By.cssSelector("#task-due time"));
        assertThat(dueTime.getAttribute("datetime")).isEqualTo(due);
        assertThat(dueTime.getText()).matches("\\d{4}/\\d{2}/\\d{2} \\d{1,2}:\\d{2}");
        assertThat(text(priya, By.id("decision"))).contains("承認", "修正を依頼", "却下");

        priya.driver().findElement(By.id("decide-request-changes")).click();
        priya.waitForText(By.cssSelector("#decision-feedback [role=alert]"), "「修正を依頼」にはコメントが必要です");
        priya.driver().findElement(By.id("decision-comment")).sendKeys("生年月日は月単位にしてください");
        priya.driver().findElement(By.id("decide-request-changes")).click();
        priya.waitForText(By.id("decision-done"), "判断（修正を依頼）を記録しました");
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("CHANGES_REQUESTED");

        // The same task again: the server's 409 in Japanese words, its own text as detail.
        priya.driver().navigate().refresh();
        priya.waitForText(By.id("task-error"), "このタスクは既に判断済みです");
        assertThat(text(priya, By.id("task-error"))).contains("is already done");
    }

    /**
     * Alice fills the intake form (new-request.html): general fields, columns taken from the demo
     * table, e-mail and birth date marked personal and masked; returns the new request's id.
     */
    private long submitThroughForm(Browser alice, String dataset) {
        signIn(alice, "alice");
        alice.open("new-request.html");
        alice.waitForFormReady();
        formField(alice, "Field_title").sendKeys("CRM customers");
        formField(alice, "Field_dataset").sendKeys(dataset);
        choose(alice, "Field_layer", "Entity");
        formField(alice, "Field_purpose").sendKeys("churn analysis");
        choose(alice, "Field_refresh", "Daily");
        new Select(alice.waitFor(By.id("prefill-source"))).selectByValue("demo");
        WebElement table = alice.driver().findElement(By.id("prefill-table"));
        table.clear();
        table.sendKeys("customers");
        alice.driver().findElement(By.id("prefill-from-source")).click();
        alice.waitForText(By.id("prefill-status"), "columns taken");
        List<String> columns = alice.driver().findElements(By.cssSelector("#form-container input[id*='-Field_name_']"))
                .stream().map(e -> e.getAttribute("value")).toList();
        int email = columns.indexOf("email");
        int birthDate = columns.indexOf("birth_date");
        choose(alice, "Field_pii_" + email, "Personal");
        choose(alice, "Field_method_" + email, "Mask e-mail local part");
        choose(alice, "Field_pii_" + birthDate, "Personal");
        choose(alice, "Field_method_" + birthDate, "Generalize date");
        choose(alice, "Field_to_" + birthDate, "Year (1 January)");
        alice.driver().findElement(By.id("submit")).click();
        alice.until(ExpectedConditions.urlContains("request.html?id="));
        return Long.parseLong(alice.driver().getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1"));
    }

    private static WebElement formField(Browser browser, String fieldId) {
        return browser.waitFor(By.cssSelector("#form-container [id$='-" + fieldId + "']"));
    }

    /** Picks an option of a form-js select (its display opens a list of items). */
    private static void choose(Browser browser, String fieldId, String option) {
        By display = By.cssSelector("#form-container [id$='-" + fieldId + "-display']");
        browser.waitFor(display).click();
        browser.waitFor(By.xpath("//div[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + option + "']"))
                .click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(display, option));
    }

    /**
     * Signs in through the login form and waits until the start page has its header (the start
     * page redirects once, so the header is awaited on the final page, not during the navigation).
     */
    private static Browser signIn(Browser browser, String user) {
        browser.open("login.html");
        browser.loginForm(user, "demo");
        browser.until(d -> !d.getCurrentUrl().contains("login.html") && !d.getCurrentUrl().endsWith("/")
                && !d.getCurrentUrl().contains("index.html"));
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#app-header nav")));
        return browser;
    }

    /** Reloads the inbox until the request's task is listed; returns its row. */
    private static WebElement awaitInboxRow(Browser browser, long requestId, String taskName) {
        By row = By.cssSelector("#inbox-table tr[data-request-id='" + requestId + "']");
        return browser.until(d -> {
            if (!d.getCurrentUrl().contains("inbox.html")) {
                browser.open("inbox.html");
            }
            Optional<WebElement> found = findRow(d, row, taskName);
            if (found.isEmpty()) {
                d.navigate().refresh();
                waitForInbox(d);
                found = findRow(d, row, taskName);
            }
            return found.orElse(null);
        });
    }

    private static void waitForInbox(WebDriver d) {
        new org.openqa.selenium.support.ui.WebDriverWait(d, Duration.ofSeconds(10)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("inbox-table")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox-list .empty"))));
    }

    private static Optional<WebElement> findRow(WebDriver d, By row, String taskName) {
        return d.findElements(row).stream().filter(r -> r.getText().contains(taskName)).findFirst();
    }

    private static By rowCell(long requestId, String css) {
        return By.cssSelector("#inbox-table tr[data-request-id='" + requestId + "'] " + css);
    }

    private static String text(Browser browser, By by) {
        return browser.waitFor(by).getText();
    }

    private static String awaitOverdueTask(Api api, String user, long id, String key) {
        var inbox = api.await(user, "api/tasks", a -> a.array().stream().map(JsonValue::asJsonObject).anyMatch(t ->
                t.getString("key").equals(key) && t.getJsonNumber("requestId").longValue() == id
                        && t.getBoolean("overdue")), Duration.ofSeconds(60));
        return inbox.array().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("key").equals(key) && t.getJsonNumber("requestId").longValue() == id)
                .map(t -> t.getString("id")).findFirst().orElseThrow();
    }

    private static Path awaitDownload(Browser browser) {
        return browser.until(d -> {
            try (Stream<Path> files = Files.list(browser.downloads())) {
                return files.filter(p -> p.getFileName().toString().matches("audit-.*\\.xlsx")).findFirst()
                        .filter(p -> p.toFile().length() > 0).orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** Each row of the sheet as its cells' text joined with " | ". */
    private static List<String> sheetRows(Path xlsx, String sheetName) throws IOException {
        List<String> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheet(sheetName);
            assertThat(sheet).as("sheet " + sheetName).isNotNull();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                }
                rows.add(String.join(" | ", cells));
            }
        }
        return rows;
    }
}
