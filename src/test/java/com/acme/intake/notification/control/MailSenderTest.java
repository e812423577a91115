package com.acme.intake.notification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.notification.entity.MailMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/** The SMTP client against a real SMTP server (GreenMail) on a free port. */
class MailSenderTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private MailSettings settings(int port, String user, String password) {
        return MailSettings.from(name -> Optional.ofNullable(Map.of(
                MailSettings.ENABLED, "true",
                MailSettings.HOST, "127.0.0.1",
                MailSettings.PORT, Integer.toString(port),
                MailSettings.FROM, "intake@example.org",
                MailSettings.USER, user == null ? "" : user,
                MailSettings.PASSWORD, password == null ? "" : password).get(name)));
    }

    @Test
    void sends_a_utf8_mail_to_every_recipient() throws Exception {
        var sender = new MailSender(settings(smtp.getSmtp().getPort(), null, null));

        sender.send(new MailMessage(List.of("priya@example.com", "grace@example.com"),
                "[Data Intake] New task / 新しいタスク", "English text\n----\n日本語のテキスト\n"));

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("[Data Intake] New task / 新しいタスク");
        assertThat(received[0].getFrom()[0].toString()).isEqualTo("intake@example.org");
        assertThat(received[0].getContent().toString()).contains("日本語のテキスト");
        assertThat(GreenMailUtil.getAddressList(received[0].getAllRecipients()))
                .contains("priya@example.com", "grace@example.com");
    }

    @Test
    void authenticates_when_a_user_is_configured() throws Exception {
        smtp.setUser("intake@example.org", "mailer", "s3cret-test-only");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);
        var sender = new MailSender(settings(smtp.getSmtp().getPort(), "mailer", "s3cret-test-only"));

        sender.send(new MailMessage(List.of("alice@example.com"), "subject", "body"));

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        var wrongPassword = new MailSender(settings(smtp.getSmtp().getPort(), "mailer", "wrong"));
        assertThatThrownBy(() -> wrongPassword.send(new MailMessage(List.of("alice@example.com"), "s", "b")))
                .isInstanceOf(MessagingException.class);
    }

    @Test
    void unreachable_server_fails_fast_with_a_messaging_exception() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var sender = new MailSender(settings(closedPort, null, null));

        long start = System.nanoTime();
        assertThatThrownBy(() -> sender.send(new MailMessage(List.of("alice@example.com"), "s", "b")))
                .isInstanceOf(MessagingException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(MailSettings.TIMEOUT_MILLIS);
    }

    @Test
    void nothing_is_sent_without_recipients() throws Exception {
        new MailSender(settings(smtp.getSmtp().getPort(), null, null)).send(new MailMessage(List.of(), "s", "b"));

        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
