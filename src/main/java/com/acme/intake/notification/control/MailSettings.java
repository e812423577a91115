package com.acme.intake.notification.control;

import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mail configuration from MicroProfile Config (each property also as an environment variable,
 * {@code intake.mail.smtp.host} → {@code INTAKE_MAIL_SMTP_HOST}). Mail is off unless
 * {@value #ENABLED} is true; the embedded default sends nothing.
 *
 * @param baseUrl where the browser UI is, for the links in mails (no trailing slash)
 */
public record MailSettings(boolean enabled, String host, int port, String user, String password, boolean starttls,
                           String from, String baseUrl) {

    public static final String ENABLED = "intake.mail.enabled";
    public static final String HOST = "intake.mail.smtp.host";
    public static final String PORT = "intake.mail.smtp.port";
    public static final String USER = "intake.mail.smtp.user";
    public static final String PASSWORD = "intake.mail.smtp.password";
    public static final String STARTTLS = "intake.mail.smtp.starttls";
    public static final String FROM = "intake.mail.from";
    public static final String BASE_URL = "intake.ui.base-url";

    /** Connect, read and write timeouts: a slow mail server delays a mail, never the application. */
    static final int TIMEOUT_MILLIS = 10_000;

    public static MailSettings load() {
        Config config = ConfigProvider.getConfig(MailSettings.class.getClassLoader());
        return from(name -> config.getOptionalValue(name, String.class));
    }

    /** Reads the settings through a lookup (MicroProfile Config in the application, a map in tests). */
    public static MailSettings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> value = name -> lookup.apply(name).map(String::trim).filter(s -> !s.isEmpty());
        String port = value.apply(PORT).orElse("25");
        int portNumber;
        try {
            portNumber = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(PORT + " must be a port number, not '" + port + "'");
        }
        if (portNumber < 1 || portNumber > 65535) {
            throw new IllegalStateException(PORT + " must be between 1 and 65535, not " + portNumber);
        }
        String baseUrl = value.apply(BASE_URL).orElse("http://localhost:8080");
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        return new MailSettings(
                value.apply(ENABLED).map(Boolean::parseBoolean).orElse(false),
                value.apply(HOST).orElse("localhost"),
                portNumber,
                value.apply(USER).orElse(null),
                value.apply(PASSWORD).orElse(null),
                value.apply(STARTTLS).map(Boolean::parseBoolean).orElse(false),
                value.apply(FROM).orElse("data-intake@localhost"),
                baseUrl);
    }

    /** The Jakarta Mail session properties for these settings. */
    public Properties sessionProperties() {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty("mail.smtp.host", host);
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.auth", Boolean.toString(user != null));
        p.setProperty("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.setProperty("mail.smtp.starttls.required", Boolean.toString(starttls));
        p.setProperty("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.timeout", Integer.toString(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MILLIS));
        p.setProperty("mail.smtp.from", from);
        return p;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MailSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", user=" + user
                + ", starttls=" + starttls + ", from=" + from + ", baseUrl=" + baseUrl + "]";
    }
}
