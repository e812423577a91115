package com.acme.intake.it;

import static com.acme.intake.it.Mailbox.subjectStarts;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.acme.intake.it.Mailbox.Mail;

/**
 * Notification mails over a real SMTP server started by the test (GreenMail on {@code it.smtp.port};
 * the server under test has {@code INTAKE_MAIL_*} pointing there and a 3-second review SLA):
 * who gets which mail, its subject and links, and that no data value or typed comment is in it.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String UI = "http://intake.test";
    /** Raw values of the demo source (and the PostgreSQL fixture) that must never reach a mail. */
    private static final List<String> PII = List.of("@example.jp", "@example.de", "山田", "太郎", "Müller", "Smith",
            "090-", "taro@");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    static Mailbox mailbox;

    @BeforeAll
    static void start() throws java.sql.SQLException {
        SourceFixture.ensureCustomers();
        mailbox = new Mailbox();
    }

    @AfterAll
    static void stop() {
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void reviewers_and_requester_are_told_along_changes_overdue_approval_and_provisioning() {
        // given alice submits a request with PII columns
        long id = api.submit("alice", RequestBodies.withPii("notif_crm"));
        String about = "marketing__notif_crm (request #" + id + ")";

        // then the privacy reviewers get the new task, with links to the task and the request
        String privacyTask = api.awaitTask("priya", id, "privacyReview");
        Mail newTask = mailbox.await("priya@example.com", subjectStarts("[Data Intake] New task: privacy review of " + about), WAIT);
        assertThat(newTask.subject()).contains("新しいタスク: marketing__notif_crm のプライバシーレビュー（申請 #" + id + "）");
        assertThat(newTask.body()).contains("Task: " + UI + "/task.html?id=" + privacyTask)
                .contains("Request: " + UI + "/request.html?id=" + id)
                .contains("submitted by alice");
        // and, past the 3-second SLA, the reviewers and the governance lead hear it is overdue
        mailbox.await("priya@example.com", subjectStarts("[Data Intake] Overdue: privacy review of " + about), WAIT);
        mailbox.await("grace@example.com", subjectStarts("[Data Intake] Overdue: privacy review of " + about), WAIT);

        // when priya asks for changes (her comment quotes a value)
        var sentBack = api.post("priya", "api/tasks/" + privacyTask + "/decision",
                "{\"outcome\": \"REQUEST_CHANGES\", \"comment\": \"row of taro@example.jp is not masked\"}");
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);

        // then alice is told, with a link to her request
        Mail changes = mailbox.await("alice@example.com", subjectStarts("[Data Intake] Changes requested: " + about), WAIT);
        assertThat(changes.subject()).endsWith("修正依頼: marketing__notif_crm（申請 #" + id + "）");
        assertThat(changes.body()).contains(UI + "/request.html?id=" + id).doesNotContain("task.html");

        // when alice revises and priya approves, the platform engineers get the platform review
        var put = api.put("alice", "api/requests/" + id, RequestBodies.withPii("notif_crm"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        String secondRound = api.awaitTask("priya", id, "privacyReview");
        mailbox.await("priya@example.com", m -> m.body().contains("task.html?id=" + secondRound), WAIT);
        var approved = api.post("priya", "api/tasks/" + secondRound + "/decision", "{\"outcome\": \"APPROVE\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        String platformTask = api.awaitTask("paul", id, "platformReview");
        for (String engineer : List.of("paul@example.com", "pat@example.com")) {
            Mail platform = mailbox.await(engineer, subjectStarts("[Data Intake] New task: platform review of " + about), WAIT);
            assertThat(platform.body()).contains(UI + "/task.html?id=" + platformTask);
        }

        // when paul approves, the request is provisioned and alice is told
        var platformApproved = api.post("paul", "api/tasks/" + platformTask + "/decision", "{\"outcome\": \"APPROVE\"}");
        assertThat(platformApproved.status()).as(platformApproved.toString()).isEqualTo(200);
        api.awaitStatus("alice", id, "PROVISIONED", WAIT);
        Mail provisioned = mailbox.await("alice@example.com", subjectStarts("[Data Intake] Provisioned: " + about), WAIT);
        assertThat(provisioned.body()).contains("staging table marketing__notif_crm").contains(UI + "/request.html?id=" + id);

        // and no one got a mail about a task of their own request, nor any reviewer a requester's mail
        assertThat(mailbox.inbox("alice@example.com")).filteredOn(m -> m.subject().contains(about))
                .extracting(Mail::subject).noneMatch(s -> s.contains("task") || s.contains("Overdue"));
        assertThat(mailbox.inbox("priya@example.com")).filteredOn(m -> m.subject().contains(about))
                .extracting(Mail::subject).noneMatch(s -> s.contains("Changes requested") || s.contains("Provisioned"));
        assertNoPii();
    }

    @Test
    void requester_is_told_of_a_rejection() {
        long id = api.submit("alice", RequestBodies.withPii("notif_rejected"));
        String task = api.awaitTask("priya", id, "privacyReview");

        var rejected = api.post("priya", "api/tasks/" + task + "/decision",
                "{\"outcome\": \"REJECT\", \"comment\": \"no lawful basis\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        Mail mail = mailbox.await("alice@example.com",
                subjectStarts("[Data Intake] Rejected: marketing__notif_rejected (request #" + id + ")"), WAIT);
        assertThat(mail.subject()).contains("却下");
        assertThat(mail.body()).contains(UI + "/request.html?id=" + id).doesNotContain("no lawful basis");
        assertNoPii();
    }

    @Test
    void failed_provisioning_tells_the_requester_and_gives_the_platform_team_a_task() {
        // given a request whose source table does not exist: its provisioning fails after 3 attempts
        long id = api.submit("alice", RequestBodies.withoutPii("notif_broken"));
        String about = "marketing__notif_broken (request #" + id + ")";
        String platformTask = api.awaitTask("pat", id, "platformReview");
        var approved = api.post("pat", "api/tasks/" + platformTask + "/decision", "{\"outcome\": \"APPROVE\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        api.awaitStatus("alice", id, "PROVISIONING_FAILED", Duration.ofSeconds(120));

        mailbox.await("alice@example.com", subjectStarts("[Data Intake] Provisioning failed: " + about), WAIT);
        String resolveTask = api.awaitTask("paul", id, "resolveProvisioningFailure");
        for (String engineer : List.of("paul@example.com", "pat@example.com")) {
            Mail mail = mailbox.await(engineer,
                    subjectStarts("[Data Intake] New task: provisioning failure of " + about), WAIT);
            assertThat(mail.body()).contains(UI + "/task.html?id=" + resolveTask);
        }
        assertNoPii();
    }

    /** No mail body holds an e-mail address or any raw value of the source; subjects neither. */
    private static void assertNoPii() {
        for (Mail mail : mailbox.all()) {
            assertThat(mail.body()).as(mail.subject()).doesNotContain("@");
            // the links carry generated ids only (a task's UUID may well hold "090-"): the values are looked for in the words
            String words = (mail.subject() + "\n" + mail.body()).replaceAll("https?://\\S+", "");
            for (String value : PII) {
                assertThat(words).as(mail.subject()).doesNotContain(value);
            }
        }
    }
}
