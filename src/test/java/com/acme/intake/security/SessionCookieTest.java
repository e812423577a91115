package com.acme.intake.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.SessionCookieConfig;

import org.junit.jupiter.api.Test;

/** The session cookie is Secure outside the embedded default unless an operator says otherwise. */
class SessionCookieTest {

    @Test
    void secure_by_default_outside_the_embedded_default_only() {
        assertThat(SessionCookie.secure(Optional.empty(), false)).isTrue();
        assertThat(SessionCookie.secure(Optional.of(" "), false)).isTrue();
        assertThat(SessionCookie.secure(Optional.empty(), true)).isFalse();
    }

    @Test
    void the_setting_wins_either_way() {
        assertThat(SessionCookie.secure(Optional.of("false"), false)).isFalse();
        assertThat(SessionCookie.secure(Optional.of("TRUE"), true)).isTrue();
        assertThatThrownBy(() -> SessionCookie.secure(Optional.of("on"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INTAKE_SECURE_COOKIES");
    }

    @Test
    void the_container_cookie_gets_http_only_and_secure() {
        Map<String, Object> set = new HashMap<>();
        var cookie = (SessionCookieConfig) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SessionCookieConfig.class}, (proxy, method, args) -> {
                    set.put(method.getName(), args == null ? null : args[0]);
                    return null;
                });

        SessionCookie.configure(cookie, true);

        assertThat(set).containsEntry("setHttpOnly", true).containsEntry("setSecure", true);
    }
}
