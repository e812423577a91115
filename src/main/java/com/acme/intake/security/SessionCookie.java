package com.acme.intake.security;

import java.util.EnumSet;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;

/**
 * The browser session lives in a cookie only (never in a URL), which scripts cannot read
 * (HttpOnly) and which other sites' forms and frames do not send (SameSite=Lax, set for Payara in
 * {@code WEB-INF/glassfish-web.xml}: Payara ignores the Servlet 6 cookie attribute API).
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        var cookie = context.getSessionCookieConfig();
        cookie.setHttpOnly(true);
    }
}
