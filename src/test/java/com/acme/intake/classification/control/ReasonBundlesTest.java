package com.acme.intake.classification.control;

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

import org.junit.jupiter.api.Test;

import com.acme.intake.classification.entity.Detected;
import com.acme.intake.classification.entity.ReasonCode;

/** The UI can translate every reason: each code and each kind has an English and a Japanese text with the same placeholders. */
class ReasonBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    @Test
    void every_reason_code_and_kind_is_in_both_bundles_with_the_same_placeholders() throws IOException {
        Properties en = load("messages.properties");
        Properties ja = load("messages_ja.properties");
        for (ReasonCode code : ReasonCode.values()) {
            String key = "classification.reason." + code.name();
            assertThat(en.getProperty(key)).as(key).isEqualTo(code.template());
            assertThat(ja.getProperty(key)).as(key).isNotBlank();
            assertThat(placeholders(ja.getProperty(key))).as(key).isEqualTo(placeholders(code.template()));
        }
        for (Detected detected : Detected.values()) {
            String key = "classification.detected." + detected.name();
            assertThat(en.getProperty(key)).as(key).isEqualTo(detected.english());
            assertThat(ja.getProperty(key)).as(key).isNotBlank()
                    .matches(v -> v.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN
                            && Character.UnicodeScript.of(c) != Character.UnicodeScript.COMMON), "Japanese");
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/i18n", name), StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }
}
