package com.acme.intake.notification.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.notification.control.MailSettings;
import com.acme.intake.notification.control.NoticeFixtures;
import com.acme.intake.notification.entity.NoticeKind;
import com.acme.intake.security.UserDirectory;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The observer: recipients resolved to addresses, sent over real SMTP, failures contained. */
class NotificationsTest {

    private GreenMail smtp;
    private final List<String> log = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            log.add(r.getParameters() == null ? r.getMessage() : MessageFormat.format(r.getMessage(), r.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Logger.getLogger(Notifications.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        smtp.stop();
        Logger.getLogger(Notifications.class.getName()).removeHandler(capture);
    }

    /** Users as a directory would answer: reviewers with addresses, one without. */
    static UserDirectory directory() {
        return new UserDirectory() {
            @Override
            public Optional<String> email(String name) {
                return "petra".equals(name) ? Optional.empty() : Optional.of(name + "@corp.example");
            }

            @Override
            public Set<String> usersWithRole(String role) {
                return Map.of("privacy-reviewer", Set.of("priya", "petra"), "governance-lead", Set.of("grace"))
                        .getOrDefault(role, Set.of());
            }
        };
    }

    private Notifications notifications(int port, boolean enabled) {
        Notifications n = new Notifications() {
            @Override
            Executor executor() {
                return Runnable::run;
            }
        };
        n.users = directory();
        n.configure(MailSettings.from(name -> Optional.ofNullable(Map.of(
                MailSettings.ENABLED, Boolean.toString(enabled), MailSettings.HOST, "127.0.0.1",
                MailSettings.PORT, Integer.toString(port), MailSettings.BASE_URL, "http://intake.test").get(name))));
        return n;
    }

    @Test
    void overdue_review_is_mailed_to_reviewers_and_governance_leads_with_an_address() throws Exception {
        var notice = NoticeFixtures.privacyTask(NoticeKind.TASK_OVERDUE, null, "privacy-reviewer", "governance-lead");

        notifications(smtp.getSmtp().getPort(), true).onNotice(notice);

        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(smtp.getReceivedMessagesForDomain("corp.example")).hasSize(2);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()).extracting(Object::toString)
                .containsExactlyInAnyOrder("grace@corp.example", "priya@corp.example");
        assertThat(smtp.getReceivedMessages()[0].getContent().toString())
                .contains("http://intake.test/task.html?id=task-7f3a");
    }

    @Test
    void nothing_is_sent_when_mail_is_disabled() {
        notifications(smtp.getSmtp().getPort(), false).onNotice(NoticeFixtures.toAlice(NoticeKind.REJECTED));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_failed_send_is_logged_without_addresses_and_does_not_throw() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Notifications n = notifications(closedPort, true);

        boolean sent = n.send(NoticeFixtures.toAlice(NoticeKind.PROVISIONED));

        assertThat(sent).isFalse();
        assertThat(log).anySatisfy(line -> assertThat(line)
                .startsWith("Notification PROVISIONED of request 42 not sent: MailConnectException"));
        assertThat(log).noneMatch(line -> line.contains("@"));
    }
}
