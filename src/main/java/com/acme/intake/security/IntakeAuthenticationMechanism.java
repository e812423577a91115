package com.acme.intake.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.web.SecurityHeaders;

/**
 * How a caller proves who they are, for the API and the browser UI alike:
 * <ul>
 * <li>HTTP Basic on any call (scripts and curl), checked against the {@link IntakeIdentityStore} on every call;</li>
 * <li>the browser posts {@code username} and {@code password} to {@code /login} ({@link LoginServlet}); a valid
 * login starts a new HTTP session that carries the user until {@code /logout} or its timeout;</li>
 * <li>a session may make an unsafe call (POST, PUT, DELETE, PATCH) only with the header
 * {@value #UI_HEADER}{@code : }{@value #UI_HEADER_VALUE}: a cross-site form cannot set it, so a
 * session cookie alone never changes anything (CSRF guard); without it the answer is 403.</li>
 * </ul>
 * A protected call without credentials gets 401 with a Basic challenge, except for calls of the UI
 * (the header above), where a challenge would make the browser open its own login dialog.
 * Failed logins are announced by the identity store and audited by {@code audit.boundary.FailedLogins}.
 */
@ApplicationScoped
public class IntakeAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String UI_HEADER = "X-Requested-With";
    public static final String UI_HEADER_VALUE = "intake-ui";
    static final String SESSION_USER = IntakeAuthenticationMechanism.class.getName() + ".user";
    private static final String REALM = "Data Intake";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    UserDirectory users;

    @Inject
    LoginThrottles throttles;

    /** Set on a form login that was refused by the {@link LoginThrottles}, for {@link LoginServlet}. */
    static final String THROTTLED = IntakeAuthenticationMechanism.class.getName() + ".throttled";

    /**
     * The groups this request's caller was authenticated with (a {@code Set<String>}), the same the
     * container was given: {@link CurrentUser} answers role questions from here instead of asking
     * the container, a permission check each.
     */
    static final String CALLER_GROUPS = "com.acme.intake.security.callerGroups";

    /**
     * Who a browser session belongs to, and when the directory last confirmed it (epoch ms: sessions
     * may outlive a JVM); kept in the session, so it must be serializable.
     */
    record SessionUser(String name, Set<String> groups, long checkedAt) implements java.io.Serializable {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, response, context);
        }
        if ("POST".equals(request.getMethod()) && LoginServlet.PATH.equals(pathOf(request))) {
            return formLogin(request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof SessionUser user) {
            if (!SAFE_METHODS.contains(request.getMethod()) && pathOf(request).startsWith("/api/")
                    && !UI_HEADER_VALUE.equals(request.getHeader(UI_HEADER))) {
                return refuse(response, context, HttpServletResponse.SC_FORBIDDEN, ErrorCode.UI_HEADER_MISSING,
                        "a change from a browser session needs the header " + UI_HEADER + ": " + UI_HEADER_VALUE);
            }
            SessionUser current = confirmed(user, session);
            if (current != null) {
                return loggedIn(request, context, current.name(), current.groups());
            }
            if (context.isProtected()) {
                return unauthorized(request, response, context, "the session's user is no longer enabled");
            }
            return context.doNothing();
        }
        if (context.isProtected()) {
            return unauthorized(request, response, context, "authentication required");
        }
        return context.doNothing();
    }

    /**
     * The session's user as the directory has them now, asked again once the recheck interval
     * (the same as for Basic credentials) has passed: a disabled user's session ends, a removed role
     * is gone from the session. Null when the user is no longer enabled (the session is invalidated).
     */
    private SessionUser confirmed(SessionUser user, HttpSession session) {
        long now = System.currentTimeMillis();
        long age = now - user.checkedAt();
        if (age >= 0 && age < users.recheckInterval().toMillis()) {
            return user;
        }
        var active = users.active(user.name());
        if (active.isEmpty()) {
            try {
                session.invalidate();
            } catch (IllegalStateException e) {
                // already invalidated by a concurrent request
            }
            return null;
        }
        var checked = new SessionUser(user.name(), Set.copyOf(active.get().roles()), now);
        try {
            session.setAttribute(SESSION_USER, checked);
        } catch (IllegalStateException e) {
            return null;
        }
        return checked;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(request, response, context, "malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(request, response, context, "malformed Basic credentials");
        }
        String name = decoded.substring(0, colon);
        var wait = throttles.refusedFor(name, request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooManyAttempts(response, context, wait.get());
        }
        var result = identityStores.validate(new UsernamePasswordCredential(name, decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttles.failed(name, request.getRemoteAddr());
            return unauthorized(request, response, context, "unknown user or wrong password");
        }
        throttles.succeeded(name);
        return loggedIn(request, context, result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
    }

    private static AuthenticationStatus loggedIn(HttpServletRequest request, HttpMessageContext context, String name,
                                                 Set<String> groups) {
        request.setAttribute(CALLER_GROUPS, groups);
        return context.notifyContainerAboutLogin(name, groups);
    }

    /**
     * A login form post. On success a fresh session (never the one the browser had: no session
     * fixation) carries the user, and {@link LoginServlet} redirects; on failure the servlet sees no
     * user and sends the browser back to the form.
     */
    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        String name = request.getParameter("username");
        String password = request.getParameter("password");
        if (name == null || name.isBlank() || password == null) {
            return context.doNothing();
        }
        var wait = throttles.refusedFor(name.strip(), request.getRemoteAddr());
        if (wait.isPresent()) {
            request.setAttribute(THROTTLED, retryAfterSeconds(wait.get()));
            return context.doNothing();
        }
        var result = identityStores.validate(new UsernamePasswordCredential(name.strip(), password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttles.failed(name.strip(), request.getRemoteAddr());
            return context.doNothing();
        }
        throttles.succeeded(name.strip());
        var user = new SessionUser(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()),
                System.currentTimeMillis());
        request.getSession(true).setAttribute(SESSION_USER, user);
        return loggedIn(request, context, user.name(), user.groups());
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context, String message) {
        if (!UI_HEADER_VALUE.equals(request.getHeader(UI_HEADER))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        return refuse(response, context, HttpServletResponse.SC_UNAUTHORIZED, ErrorCode.UNAUTHENTICATED, message);
    }

    /** 429 with Retry-After; no Basic challenge, which would invite the browser to try again at once. */
    private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, HttpMessageContext context,
                                                       java.time.Duration wait) {
        long seconds = retryAfterSeconds(wait);
        response.setHeader("Retry-After", String.valueOf(seconds));
        return refuse(response, context, 429, ErrorCode.TOO_MANY_REQUESTS,
                "too many failed logins; try again in " + seconds + " s");
    }

    static long retryAfterSeconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
                                               ErrorCode code, String message) {
        try {
            SecurityHeaders.apply(response);
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + status + ",\"code\":\"" + code.name() + "\",\"error\":\""
                    + message.replace("\"", "'") + "\"}");
            response.flushBuffer();
        } catch (IOException e) {
            // The client went away; it is refused either way.
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
