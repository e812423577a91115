package com.acme.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.acme.intake.kernel.ErrorCode;

/**
 * Every bundle family under i18n/ (the UI's {@code messages}, the e-mails' {@code mail}): English and
 * Japanese have the same keys and the Japanese texts are really Japanese; every key the pages ask
 * for literally exists, and every error code has a text for the UI to show.
 */
class BundlesTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path WEBAPP = Path.of("src/main/webapp");
    /**
     * data-i18n*="key" in pages; in scripts every quoted dotted name ('inbox.title', also in lists of
     * column headings), except file names and the language choice's storage key.
     */
    private static final Pattern USED = Pattern.compile(
            "data-i18n(?:-[a-z-]+)?=\"([A-Za-z0-9_.]+)\"|'([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_]+)+)'");
    private static final Pattern NOT_A_KEY = Pattern.compile(".*\\.(html|js|css|json)|intake\\.lang");

    @Test
    void every_family_has_english_and_japanese_with_the_same_keys() throws IOException {
        List<String> families = families();

        assertThat(families).containsExactlyInAnyOrder("messages", "mail");
        for (String family : families) {
            Properties en = load(family + ".properties");
            Properties ja = load(family + "_ja.properties");
            assertThat(ja.stringPropertyNames()).as(family).isEqualTo(en.stringPropertyNames());
            assertThat(en.stringPropertyNames()).as(family).hasSizeGreaterThan(10);
        }
    }

    @Test
    void japanese_texts_are_japanese() throws IOException {
        assertThat(load("messages_ja.properties").getProperty("inbox.title")).isEqualTo("受信箱");
        for (String family : families()) {
            Properties ja = load(family + "_ja.properties");
            long japanese = ja.stringPropertyNames().stream().map(ja::getProperty)
                    .filter(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                            || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                            || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .count();
            assertThat(japanese).as(family).isGreaterThan(ja.size() * 8L / 10);
        }
    }

    @Test
    void every_literal_key_of_the_pages_exists() throws IOException {
        Properties en = load("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                    .filter(f -> !f.startsWith(WEBAPP.resolve("vendor"))).toList()) {
                collect(file, used);
            }
        }

        assertThat(used).hasSizeGreaterThan(150).contains("inbox.title", "columns.col.method", "error.serverSaid");
        assertThat(used).allSatisfy(key -> assertThat(en.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void every_error_code_has_a_text_in_both_languages() throws IOException {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");

        assertThat(Arrays.stream(ErrorCode.values()).map(c -> "error.code." + c.name()))
                .allSatisfy(key -> {
                    assertThat(en.getProperty(key)).as(key).isNotBlank();
                    assertThat(ja.getProperty(key)).as(key).isNotBlank().isNotEqualTo(en.getProperty(key));
                });
        assertThat(en.stringPropertyNames().stream().filter(k -> k.startsWith("error.code.")))
                .as("no text for a code that does not exist")
                .hasSize(ErrorCode.values().length);
    }

    private static List<String> families() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.replaceFirst("(_[a-z]{2})?\\.properties$", "")).distinct().sorted().toList();
        }
    }

    private static void collect(Path file, Set<String> keys) throws IOException {
        Matcher m = USED.matcher(Files.readString(file));
        while (m.find()) {
            Stream.of(m.group(1), m.group(2)).filter(g -> g != null && !NOT_A_KEY.matcher(g).matches())
                    .forEach(keys::add);
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
