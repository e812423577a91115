package com.acme.intake.notification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static MailSettings of(Map<String, String> values) {
        return MailSettings.from(name -> Optional.ofNullable(values.get(name)));
    }

    @Test
    void mail_is_off_by_default_with_local_defaults() {
        MailSettings settings = of(Map.of());

        assertThat(settings.enabled()).isFalse();
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.port()).isEqualTo(25);
        assertThat(settings.starttls()).isFalse();
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(settings.sessionProperties().getProperty("mail.smtp.auth")).isEqualTo("false");
    }

    @Test
    void configured_values_are_used_and_the_password_is_never_shown() {
        MailSettings settings = of(Map.of(MailSettings.ENABLED, "true", MailSettings.HOST, "smtp.corp",
                MailSettings.PORT, "587", MailSettings.USER, "mailer", MailSettings.PASSWORD, "pw-test-only",
                MailSettings.STARTTLS, "true", MailSettings.FROM, "intake@corp", MailSettings.BASE_URL,
                "https://intake.corp/"));

        assertThat(settings.baseUrl()).isEqualTo("https://intake.corp");
        assertThat(settings.sessionProperties())
                .containsEntry("mail.smtp.host", "smtp.corp").containsEntry("mail.smtp.port", "587")
                .containsEntry("mail.smtp.auth", "true").containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true");
        assertThat(settings.toString()).contains("smtp.corp").doesNotContain("pw-test-only");
    }

    @Test
    void a_port_that_is_not_a_number_is_refused_clearly() {
        assertThatThrownBy(() -> of(Map.of(MailSettings.PORT, "smtp")))
                .hasMessageContaining("intake.mail.smtp.port must be a port number");
        assertThatThrownBy(() -> of(Map.of(MailSettings.PORT, "70000")))
                .hasMessageContaining("between 1 and 65535");
    }
}
