package com.acme.intake.catalog.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.StringJoiner;

import com.acme.intake.catalog.entity.CatalogSnapshot;

/**
 * The text catalog search matches against. Both sides are NFKC-normalised and lower-cased, so
 * full-width and half-width forms match ({@code ＣＲＭ} = {@code CRM} = {@code crm}, half-width
 * katakana = full-width katakana); a query is a plain substring of that text, which works for
 * Japanese without word segmentation. Hiragana and katakana are not folded into each other.
 */
public final class SearchText {

    private SearchText() {
    }

    public static String normalize(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Dataset key, title, description, known gaps, and each column's name and description. */
    public static String of(CatalogSnapshot snapshot) {
        var text = new StringJoiner("\n");
        text.add(snapshot.key()).add(nonNull(snapshot.title())).add(nonNull(snapshot.description()))
                .add(snapshot.knownGaps());
        snapshot.columns().forEach(c -> text.add(c.name()).add(nonNull(c.description())));
        return normalize(text.toString());
    }

    /** A SQL {@code LIKE} pattern (escape character {@code \}) matching the normalised query anywhere. */
    public static String likePattern(String query) {
        String normalized = normalize(query.strip());
        var pattern = new StringBuilder("%");
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
