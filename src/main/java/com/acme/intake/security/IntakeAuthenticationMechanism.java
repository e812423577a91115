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

    /**
     * The groups this request's caller was authenticated with (a {@code Set<String>}), the same the
     * container was given: {@link CurrentUser} answers role questions from here instead of asking
     * the container, a permission check each.
     */
    static final String CALLER_GROUPS = "com.acme.intake.security.callerGroups";

    /** Who a browser session belongs to; kept in the session, so it must be serializable. */
    record SessionUser(String name, Set<String> groups) implements java.io.Serializable {
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
                return refuse(response, context, HttpServletResponse.SC_FORBIDDEN,
                        "a change from a browser session needs the header " + UI_HEADER + ": " + UI_HEADER_VALUE);
            }
            return loggedIn(request, context, user.name(), user.groups());
        }
        if (context.isProtected()) {
            return unauthorized(request, response, context, "authentication required");
        }
        return context.doNothing();
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
        var result = identityStores.validate(
                new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return unauthorized(request, response, context, "unknown user or wrong password");
        }
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
        var result = identityStores.validate(new UsernamePasswordCredential(name.strip(), password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.doNothing();
        }
        var user = new SessionUser(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        request.getSession(true).setAttribute(SESSION_USER, user);
        return loggedIn(request, context, user.name(), user.groups());
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context, String message) {
        if (!UI_HEADER_VALUE.equals(request.getHeader(UI_HEADER))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        return refuse(response, context, HttpServletResponse.SC_UNAUTHORIZED, message);
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, HttpMessageContext context, int status,
                                               String message) {
        try {
            SecurityHeaders.apply(response);
            response.setStatus(status);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message.replace("\"", "'") + "\"}");
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
