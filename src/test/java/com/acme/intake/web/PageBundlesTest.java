package com.acme.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundles of the inbox, task, catalog and audit pages: English and Japanese have the same keys,
 * every key those pages ask for literally exists (in their bundle or the foundation's), and the Japanese texts are really Japanese.
 */
class PageBundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Set<String> PAGES = Set.of("inbox", "task", "catalog", "catalog-entry", "audit");
    /** t('key'…), tOr('key'…), data-i18n*="key" with a literal key. */
    private static final Pattern USED = Pattern.compile(
            "\\b(?:t|tOr)\\('([A-Za-z0-9_.]+)'[,)]|data-i18n(?:-[a-z-]+)?=\"([A-Za-z0-9_.]+)\"|\\bkey: '([A-Za-z0-9_.]+)'");

    @Test
    void english_and_japanese_have_the_same_keys() throws IOException {
        Properties en = load("pages.properties");
        Properties ja = load("pages_ja.properties");

        assertThat(ja.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).hasSizeGreaterThan(100);
    }

    @Test
    void japanese_texts_are_japanese() throws IOException {
        Properties ja = load("pages_ja.properties");

        assertThat(ja.getProperty("inbox.title")).isEqualTo("受信箱");
        long withKana = ja.stringPropertyNames().stream().map(ja::getProperty)
                .filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .count();
        assertThat(withKana).isGreaterThan(ja.size() * 9L / 10);
    }

    @Test
    void every_literal_key_of_the_pages_exists() throws IOException {
        Properties en = load("pages.properties");
        en.putAll(load("messages.properties"));
        Set<String> used = new TreeSet<>();
        for (String page : PAGES) {
            collect(WEBAPP.resolve(page + ".html"), used);
            collect(WEBAPP.resolve("js/" + page + ".js"), used);
        }
        collect(WEBAPP.resolve("js/explain.js"), used);
        // Shared texts of the foundation (messages.properties), not of these pages.

        assertThat(used).hasSizeGreaterThan(80);
        assertThat(used).allSatisfy(key -> assertThat(en.getProperty(key)).as(key).isNotBlank());
    }

    private static void collect(Path file, Set<String> keys) throws IOException {
        Matcher m = USED.matcher(Files.readString(file));
        while (m.find()) {
            Stream.of(m.group(1), m.group(2), m.group(3)).filter(g -> g != null).forEach(keys::add);
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
