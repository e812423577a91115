package com.acme.intake.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The target of the login form. The {@link IntakeAuthenticationMechanism} has already checked the
 * credentials of this very request: with a user it goes on to {@code next} (a local path only, so
 * the form cannot be used to send someone elsewhere), without one back to the form with an error.
 */
@WebServlet(LoginServlet.PATH)
public class LoginServlet extends HttpServlet {

    static final String PATH = "/login";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = localPath(request.getParameter("next"));
        String context = request.getContextPath();
        if (request.getAttribute(IntakeAuthenticationMechanism.THROTTLED) instanceof Long seconds) {
            // the browser follows a redirect, not a 429: back to the form, which says to wait
            String back = context + "/login.html?error=throttled"
                    + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            seeOther(response, back);
            response.setHeader("Retry-After", String.valueOf(seconds));
        } else if (request.getUserPrincipal() == null) {
            String back = context + "/login.html?error=1"
                    + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            seeOther(response, back);
        } else {
            seeOther(response, next != null && next.startsWith(context + "/") ? next : context + "/");
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        seeOther(response, request.getContextPath() + "/login.html");
    }

    /** {@code next} when it is a path of this application ({@code /…}, not {@code //host} or a URL), else null. */
    static String localPath(String next) {
        if (next == null || next.isEmpty() || next.length() > 2000 || !next.startsWith("/") || next.startsWith("//")
                || next.contains("\\") || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        return next;
    }

    static void seeOther(HttpServletResponse response, String location) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", location);
        response.setHeader("Cache-Control", "no-store");
    }
}
