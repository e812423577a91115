package com.acme.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.acme.intake.kernel.ErrorCode;

/**
 * {@code GET /i18n?lang=ja|en}: every text of the browser UI in one language, as a JSON object
 * key → text. Public (the login page needs it before anyone is logged in). From the one bundle
 * family of the UI, {@code i18n/messages} (UTF-8 properties); a key missing in Japanese falls back
 * to the English text.
 */
@WebServlet("/i18n")
public class I18nServlet extends HttpServlet {

    static final List<String> LANGUAGES = List.of("en", "ja");
    private static final List<String> BUNDLES = List.of("i18n/messages");

    private final Map<String, String> json = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = request.getParameter("lang");
        if (lang == null || !LANGUAGES.contains(lang)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"status\":400,\"code\":\"" + ErrorCode.INVALID_PARAMETER
                    + "\",\"error\":\"lang must be one of " + LANGUAGES + "\"}");
            return;
        }
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(json.computeIfAbsent(lang, I18nServlet::render));
    }

    static String render(String lang) {
        var builder = Json.createObjectBuilder();
        texts(lang).forEach(builder::add);
        return builder.build().toString();
    }

    /** The merged texts of one language, English first and the language's own texts over them. */
    static Map<String, String> texts(String lang) {
        Map<String, String> texts = new TreeMap<>();
        for (String bundle : BUNDLES) {
            load(bundle + ".properties", texts);
            if (!"en".equals(lang)) {
                load(bundle + "_" + lang + ".properties", texts);
            }
        }
        return texts;
    }

    private static void load(String resource, Map<String, String> into) {
        try (InputStream in = I18nServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return;
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            properties.forEach((k, v) -> into.put((String) k, (String) v));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
