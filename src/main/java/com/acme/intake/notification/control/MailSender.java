package com.acme.intake.notification.control;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.acme.intake.notification.entity.MailMessage;

/**
 * Sends mails over SMTP with a {@link Session} built from {@link MailSettings} (no container mail
 * resource to configure): plain text, UTF-8, with connect and read timeouts.
 */
public final class MailSender {

    private final MailSettings settings;
    private final Session session;

    public MailSender(MailSettings settings) {
        this.settings = settings;
        Authenticator authenticator = settings.user() == null ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.user(),
                        settings.password() == null ? "" : settings.password());
            }
        };
        this.session = Session.getInstance(settings.sessionProperties(), authenticator);
    }

    public void send(MailMessage mail) throws MessagingException {
        if (mail.to().isEmpty()) {
            return;
        }
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        InternetAddress[] to = new InternetAddress[mail.to().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(mail.to().get(i), true);
        }
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.body(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        // Jakarta Mail finds its providers through the context class loader; the application's
        // loader sees the container's implementation, a pool thread's may not.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MailSender.class.getClassLoader());
        try {
            Transport.send(message);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
