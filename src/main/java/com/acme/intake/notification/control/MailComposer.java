package com.acme.intake.notification.control;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.acme.intake.notification.entity.MailMessage;
import com.acme.intake.notification.entity.Notice;

/**
 * Writes a notice as one mail in English and Japanese (bundle {@value #BUNDLE}), with links into
 * the browser UI: {@code request.html?id=} for the request and {@code task.html?id=} for a task.
 * Only the notice's identifiers go into the text, so a mail cannot carry data values.
 */
public final class MailComposer {

    public static final String BUNDLE = "i18n/mail";
    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.JAPANESE);

    private final String baseUrl;

    /** @param baseUrl where the browser UI is, without a trailing slash */
    public MailComposer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public MailMessage compose(Notice notice, List<String> to) {
        StringBuilder subject = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (Locale language : LANGUAGES) {
            ResourceBundle texts = bundle(language);
            Object[] args = {notice.datasetKey(), Long.toString(notice.requestId()),
                    taskName(texts, notice.taskKey()), String.valueOf(notice.requester())};
            if (subject.isEmpty()) {
                subject.append('[').append(texts.getString("product")).append("] ");
            } else {
                subject.append(" / ");
                body.append("\n----\n\n");
            }
            subject.append(format(texts, "subject." + notice.kind(), args));
            body.append(format(texts, "body." + notice.kind(), args)).append("\n\n");
            body.append(format(texts, "link.request", requestLink(notice))).append('\n');
            if (notice.taskId() != null) {
                body.append(format(texts, "link.task", taskLink(notice))).append('\n');
            }
            body.append('\n').append(texts.getString("footer")).append('\n');
        }
        return new MailMessage(to, subject.toString(), body.toString());
    }

    public String requestLink(Notice notice) {
        return baseUrl + "/request.html?id=" + notice.requestId();
    }

    public String taskLink(Notice notice) {
        return baseUrl + "/task.html?id=" + notice.taskId();
    }

    /** The bundle of exactly that language (the base bundle is English), whatever the JVM's locale. */
    static ResourceBundle bundle(Locale language) {
        return ResourceBundle.getBundle(BUNDLE, language, MailComposer.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String taskName(ResourceBundle texts, String taskKey) {
        if (taskKey == null) {
            return "";
        }
        try {
            return texts.getString("task." + taskKey);
        } catch (MissingResourceException e) {
            return texts.getString("task.other");
        }
    }

    private static String format(ResourceBundle texts, String key, Object... args) {
        return new MessageFormat(texts.getString(key), texts.getLocale()).format(args);
    }
}
