package com.acme.intake.audit.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.security.LoginFailed;

/**
 * Records a failed login (a user name with a wrong password) as {@code ACCESS_REFUSED}, in a
 * transaction of its own. The container answers 401 before any application code runs, so the
 * identity store announces the failure and this observer records it, with the method and path of
 * the call when the request is at hand. The password is never seen here.
 */
@ApplicationScoped
public class FailedLogins {

    private static final Logger LOG = Logger.getLogger(FailedLogins.class.getName());
    private static final int MAX_ACTOR = 100;

    @Inject
    AuditTrail trail;

    @Inject
    Instance<HttpServletRequest> request;

    void onFailedLogin(@Observes LoginFailed failure) {
        String name = failure.userName();
        if (name == null || name.isBlank()) {
            return;
        }
        String actor = name.length() > MAX_ACTOR ? name.substring(0, MAX_ACTOR) : name;
        String details = AccessRefusals.details(method(), path(), 401, "login failed: unknown user or wrong password");
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
