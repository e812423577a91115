package com.acme.intake.security;

import java.util.EnumSet;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;

import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.database.control.Installation;

/**
 * The browser session lives in a cookie only (never in a URL), which scripts cannot read
 * (HttpOnly) and which other sites' forms and frames do not send (SameSite=Lax, set for Payara in
 * {@code WEB-INF/glassfish-web.xml}: Payara ignores the Servlet 6 cookie attribute API).
 * <p>
 * The cookie is {@code Secure} (sent over HTTPS only) when {@value #SECURE_PROPERTY} says so, by
 * default everywhere but on the embedded default: a real node is served over HTTPS, usually behind
 * a proxy that ends TLS, so the container itself cannot tell.
 */
@WebListener
public class SessionCookie implements ServletContextListener {

    public static final String SECURE_PROPERTY = "intake.secure-cookies";
    private static final Logger LOG = Logger.getLogger(SessionCookie.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        var context = event.getServletContext();
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        boolean secure = secure(ConfigProvider.getConfig(SessionCookie.class.getClassLoader())
                .getOptionalValue(SECURE_PROPERTY, String.class), Installation.current().embeddedDefault());
        configure(context.getSessionCookieConfig(), secure);
        if (!secure && !Installation.current().embeddedDefault()) {
            LOG.warning("INTAKE_SECURE_COOKIES=false: the session cookie is also sent over plain HTTP");
        }
    }

    static void configure(SessionCookieConfig cookie, boolean secure) {
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
    }

    /**
     * Whether the session cookie is Secure: the setting when given, else on outside the embedded default.
     *
     * @throws IllegalStateException for a value other than true or false
     */
    static boolean secure(Optional<String> setting, boolean embeddedDefault) {
        Optional<String> value = setting.map(String::strip).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return !embeddedDefault;
        }
        if (value.get().equalsIgnoreCase("true") || value.get().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.get());
        }
        throw new IllegalStateException("INTAKE_SECURE_COOKIES (" + SECURE_PROPERTY + ") must be true or false, not "
                + value.get());
    }
}
