package com.acme.intake.notification.boundary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import com.acme.intake.notification.control.MailComposer;
import com.acme.intake.notification.control.MailSender;
import com.acme.intake.notification.control.MailSettings;
import com.acme.intake.notification.control.Recipients;
import com.acme.intake.notification.entity.MailMessage;
import com.acme.intake.notification.entity.Notice;
import com.acme.intake.security.UserDirectory;

/**
 * Sends a mail for each {@link Notice} once the transaction that fired it has committed (nothing
 * is sent for a change that rolled back). Sending happens on the managed executor; a failure is
 * logged with the notice's kind and request id only (no addresses, no content) and goes no further.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    UserDirectory users;

    private MailSettings settings;
    private MailSender sender;
    private MailComposer composer;

    @PostConstruct
    void init() {
        configure(MailSettings.load());
    }

    /** Reads the mail settings at startup, so a wrong setting stops the deployment with a clear message. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // the bean is created (and configured) by this call
    }

    void configure(MailSettings settings) {
        this.settings = settings;
        this.composer = new MailComposer(settings.baseUrl());
        this.sender = settings.enabled() ? new MailSender(settings) : null;
        if (settings.enabled()) {
            LOG.info(() -> "Notifications by mail via " + settings.host() + ":" + settings.port());
        }
    }

    void onNotice(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notice notice) {
        if (sender == null) {
            return;
        }
        try {
            executor().execute(() -> send(notice));
        } catch (RuntimeException e) {
            LOG.warning(() -> "Notification " + notice.kind() + " of request " + notice.requestId()
                    + " not sent: " + e.getClass().getSimpleName());
        }
    }

    Executor executor() {
        return executor;
    }

    /** Resolves the recipients and sends; never throws. */
    boolean send(Notice notice) {
        try {
            List<String> to = addresses(notice, users::usersWithRole, users::email);
            if (to.isEmpty()) {
                LOG.fine(() -> "Notification " + notice.kind() + " of request " + notice.requestId()
                        + ": nobody with an e-mail address to tell");
                return false;
            }
            MailMessage mail = composer.compose(notice, to);
            sender.send(mail);
            LOG.fine(() -> "Notification " + notice.kind() + " of request " + notice.requestId()
                    + " sent to " + to.size() + " recipient(s)");
            return true;
        } catch (Exception e) {
            // The exception's message may name addresses: only its type is logged.
            LOG.log(Level.WARNING, "Notification {0} of request {1} not sent: {2}{3}", new Object[] {
                    notice.kind(), notice.requestId(), e.getClass().getSimpleName(),
                    e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")"});
            return false;
        }
    }

    static List<String> addresses(Notice notice, Function<String, ? extends Collection<String>> usersInGroup,
                                  Function<String, Optional<String>> email) {
        List<String> to = new ArrayList<>();
        for (String user : Recipients.of(notice, usersInGroup)) {
            email.apply(user).ifPresent(to::add);
        }
        return to;
    }
}
