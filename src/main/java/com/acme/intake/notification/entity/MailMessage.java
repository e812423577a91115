package com.acme.intake.notification.entity;

import java.util.List;

/** A composed mail: addresses, subject and plain-text body (English, then Japanese). */
public record MailMessage(List<String> to, String subject, String body) {

    public MailMessage {
        to = List.copyOf(to);
    }
}
