/**
 * Plain Java behind the notifications: configuration ({@code MailSettings}), who is told
 * ({@code Recipients}), what the mail says in English and Japanese ({@code MailComposer}, bundle
 * {@code i18n/mail*.properties}) and the SMTP client ({@code MailSender}, Jakarta Mail).
 */
package com.acme.intake.notification.control;
