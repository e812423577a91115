package com.acme.intake.web;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;

import com.acme.intake.database.control.Installation;

/**
 * Headers on every answer, page, script and API call alike, set before the answer is produced:
 * <ul>
 * <li>a Content-Security-Policy that runs scripts from this origin only (no inline script, no
 * {@code eval}), loads images from this origin only (so a catalog description cannot make the
 * reader's browser call another host), and forbids framing ({@code frame-ancestors 'none'}, against
 * click-jacking). Inline styles stay allowed: the form-js viewer injects its own.</li>
 * <li>{@code X-Content-Type-Options: nosniff}, so an upload or an answer is never run as a script
 * because it looks like one, and {@code Referrer-Policy: same-origin}, so ids in our addresses are
 * not sent to other sites.</li>
 * <li>{@value #DEMO_HEADER}{@code : true} in demo mode, from which every page shows the demo banner.</li>
 * </ul>
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders implements Filter {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    public static final String DEMO_HEADER = "X-Intake-Demo";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            apply(http);
        }
        chain.doFilter(request, response);
    }

    /** Sets the headers; also used where an answer is written before the filters run (authentication). */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        if (Installation.current().demo()) {
            response.setHeader(DEMO_HEADER, "true");
        }
    }
}
