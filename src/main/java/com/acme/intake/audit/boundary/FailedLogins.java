package com.acme.intake.audit.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.security.LoginFailed;
import com.acme.intake.security.LoginThrottled;

/**
 * Records a failed login (a user name with a wrong password) as {@code ACCESS_REFUSED}, in a
 * transaction of its own. The container answers 401 before any application code runs, so the
 * identity store announces the failure and this observer records it, with the method and path of
 * the call when the request is at hand. The password is never seen here.
 * <p>
 * The name a caller typed is theirs to forge ({@code system}, control characters, a whole
 * paragraph), so it becomes the actor only when it is a user of the directory with a plain name;
 * otherwise the actor is {@value #UNKNOWN_USER} and the name is not recorded (it may be a password
 * typed into the wrong field). Once the throttle locks a name or an address, attempts are refused
 * without a check and without an event: the lock itself is recorded, once.
 */
@ApplicationScoped
public class FailedLogins {

    private static final Logger LOG = Logger.getLogger(FailedLogins.class.getName());
    private static final int MAX_ACTOR = 100;
    /** The actor of a failed login whose name is not a user: no user name can take this form. */
    public static final String UNKNOWN_USER = "(unknown user)";
    private static final Pattern PLAIN_NAME = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,100}");

    @Inject
    AuditTrail trail;

    @Inject
    Instance<HttpServletRequest> request;

    void onFailedLogin(@Observes LoginFailed failure) {
        String name = failure.userName();
        if (name == null || name.isBlank()) {
            return;
        }
        String details = AccessRefusals.details(method(), path(), 401, "login failed: unknown user or wrong password");
        record(actor(failure.knownUser()), details);
    }

    void onThrottled(@Observes LoginThrottled throttled) {
        String details = AccessRefusals.details(method(), path(), 429, "login throttled: " + throttled.failures()
                + " failed logins of one " + throttled.kind() + "; further attempts refused for "
                + throttled.lockoutSeconds() + " s");
        record(actor(throttled.knownUser()), details);
    }

    /** The actor of a login: the user when the directory knows them by a plain name, else {@value #UNKNOWN_USER}. */
    static String actor(String knownUser) {
        if (knownUser == null || !PLAIN_NAME.matcher(knownUser).matches() || knownUser.length() > MAX_ACTOR
                || knownUser.equalsIgnoreCase(AuditTrail.SYSTEM)) {
            return UNKNOWN_USER;
        }
        return knownUser;
    }

    private void record(String actor, String details) {
        try {
            trail.recordInNewTransaction(actor, AuditAction.ACCESS_REFUSED, null, null, null, details);
        } catch (RuntimeException e) {
            // The caller is refused either way; a trail that cannot be written is an operations alarm.
            LOG.log(Level.SEVERE, "Could not record a failed login on the audit trail", e);
        }
    }

    private String method() {
        try {
            return request.get().getMethod();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private String path() {
        try {
            return request.get().getRequestURI();
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
