package com.acme.intake.audit.boundary;

import java.security.Principal;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;

/**
 * Records every API call refused to a known caller (401 or 403: a missing role, a four-eyes
 * violation, a refusal of the application) as {@code ACCESS_REFUSED}, in a transaction of its own,
 * since the refused action itself wrote nothing. As a response filter it sees the answers of every
 * exception mapper, so no mapper needs to know about auditing.
 *
 * <p>The details name the method, the path and the answer's message, never the body or the query
 * string, which may carry what the caller typed. Calls without credentials are probes, not
 * attempts, and are left out; a wrong password never reaches this filter (see {@link FailedLogins}).
 */
@Provider
@ApplicationScoped
public class AccessRefusals implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AccessRefusals.class.getName());
    static final int MAX_DETAILS = 4000;

    @Inject
    AuditTrail trail;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        Principal caller = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        if ((status != 401 && status != 403) || caller == null) {
            return;
        }
        String details = details(request.getMethod(), request.getUriInfo().getRequestUri().getRawPath(), status,
                reason(response.getEntity()));
        try {
            trail.recordInNewTransaction(caller.getName(), AuditAction.ACCESS_REFUSED, null, null, null, details);
        } catch (RuntimeException e) {
            // The caller still gets the refusal; a trail that cannot be written is an operations alarm.
            LOG.log(Level.SEVERE, "Could not record a refused call on the audit trail: " + details, e);
        }
    }

    static String details(String method, String path, int status, String reason) {
        String details = method + " " + path + " refused (" + status + ")" + (reason == null ? "" : ": " + reason);
        return details.length() > MAX_DETAILS ? details.substring(0, MAX_DETAILS) : details;
    }

    /** The message of the application's error answers ({@code web.Errors}), which never carries data values. */
    private static String reason(Object entity) {
        return entity instanceof Map<?, ?> map && map.get("error") instanceof String error ? error : null;
    }
}
