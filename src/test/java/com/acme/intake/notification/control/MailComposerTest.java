package com.acme.intake.notification.control;

import static com.acme.intake.notification.control.NoticeFixtures.privacyTask;
import static com.acme.intake.notification.control.NoticeFixtures.toAlice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.acme.intake.notification.entity.MailMessage;
import com.acme.intake.notification.entity.Notice;
import com.acme.intake.notification.entity.NoticeKind;

class MailComposerTest {

    private final MailComposer composer = new MailComposer("https://intake.example.org");

    @Test
    void changes_requested_mail_names_the_request_in_both_languages_and_links_to_it() {
        MailMessage mail = composer.compose(toAlice(NoticeKind.CHANGES_REQUESTED), List.of("alice@example.com"));

        assertThat(mail.to()).containsExactly("alice@example.com");
        assertThat(mail.subject()).isEqualTo("[Data Intake] Changes requested: marketing__crm_customers (request #42)"
                + " / 修正依頼: marketing__crm_customers（申請 #42）");
        assertThat(mail.body())
                .contains("A reviewer asked for changes to your request #42 for marketing__crm_customers.")
                .contains("申請 #42（marketing__crm_customers）について、レビュー担当者から修正の依頼がありました。")
                .contains("Request: https://intake.example.org/request.html?id=42")
                .contains("申請: https://intake.example.org/request.html?id=42")
                .doesNotContain("task.html");
    }

    @Test
    void task_mail_links_to_the_task_and_names_review_and_requester() {
        MailMessage mail = composer.compose(privacyTask(NoticeKind.TASK_OVERDUE, "priya", "privacy-reviewer"),
                List.of("priya@example.com", "grace@example.com"));

        assertThat(mail.subject()).startsWith("[Data Intake] Overdue: privacy review of marketing__crm_customers (request #42)")
                .endsWith("期限超過: marketing__crm_customers のプライバシーレビュー（申請 #42）");
        assertThat(mail.body())
                .contains("The privacy review of request #42 for marketing__crm_customers, submitted by alice,")
                .contains("Task: https://intake.example.org/task.html?id=task-7f3a")
                .contains("タスク: https://intake.example.org/task.html?id=task-7f3a")
                .contains("Request: https://intake.example.org/request.html?id=42");
    }

    @ParameterizedTest
    @EnumSource(NoticeKind.class)
    void every_kind_has_a_subject_and_body_in_english_and_japanese_without_placeholders(NoticeKind kind) {
        Notice notice = kind.forRequester() ? toAlice(kind) : privacyTask(kind, null, "privacy-reviewer");

        MailMessage mail = composer.compose(notice, List.of("x@example.com"));

        assertThat(mail.subject()).contains(" / ").contains("#42").doesNotContain("{").doesNotContain("'");
        assertThat(mail.body()).contains("----").contains("request.html?id=42").doesNotContain("{");
        for (Locale language : MailComposer.LANGUAGES) {
            ResourceBundle bundle = MailComposer.bundle(language);
            assertThat(bundle.getString("subject." + kind)).isNotBlank();
            assertThat(bundle.getString("body." + kind)).isNotBlank();
        }
        assertThat(MailComposer.bundle(Locale.JAPANESE).getString("subject." + kind))
                .isNotEqualTo(MailComposer.bundle(Locale.ENGLISH).getString("subject." + kind));
    }

    @Test
    void unknown_task_key_is_named_generically() {
        Notice notice = Notice.aboutTask(NoticeKind.TASK_CREATED, 5, "bob", "sales", "leads", "t1", "someNewTask",
                java.util.Set.of("platform-engineer"), null);

        assertThat(composer.compose(notice, List.of()).subject()).contains("New task: task of sales__leads");
    }

    @Test
    void japanese_bundle_is_chosen_whatever_the_default_locale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPANESE);
            assertThat(MailComposer.bundle(Locale.ENGLISH).getString("subject.REJECTED")).startsWith("Rejected");
        } finally {
            Locale.setDefault(before);
        }
    }
}
