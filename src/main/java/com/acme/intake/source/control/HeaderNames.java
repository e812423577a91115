package com.acme.intake.source.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.acme.intake.kernel.SqlIdentifier;

/**
 * Turns a file's header cells into column names a request can use ({@link SqlIdentifier}):
 * lowercase, each run of other characters than a-z, 0-9 and _ becomes one {@code _}, a leading
 * digit gets a {@code c_} prefix, a reserved word a {@code _} suffix. A header with nothing left
 * (Japanese text, say) becomes {@code column_<position>}; duplicates get {@code _2}, {@code _3}.
 * The original header is kept beside the name for display.
 */
final class HeaderNames {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9(][0-9()\\-. ]{5,}[0-9]");
    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9]+([.,][0-9]+)*");

    private HeaderNames() {
    }

    /**
     * Why a first row is data rather than a header, if one of its cells is an e-mail address, a
     * phone number or a number where a column name should be: a file without a header would
     * otherwise turn its first values (personal data, often) into column names, which reach the
     * audit trail and the catalog. The reason names the column's position, never its value.
     */
    static Optional<String> dataInsteadOfNames(List<String> headers) {
        for (int i = 0; i < headers.size(); i++) {
            String cell = headers.get(i) == null ? "" : headers.get(i).strip();
            String kind = EMAIL.matcher(cell).matches() ? "an e-mail address"
                    : NUMBER.matcher(cell).matches() ? "a number"
                    : PHONE.matcher(cell).matches() && cell.chars().filter(Character::isDigit).count() >= 7
                            ? "a phone number" : null;
            if (kind != null) {
                return Optional.of("the header row is missing: the first row holds " + kind + " in column " + (i + 1)
                        + " where a column name should be; add a first row with the column names");
            }
        }
        return Optional.empty();
    }

    static List<String> normalise(List<String> headers) {
        List<String> names = new ArrayList<>(headers.size());
        Set<String> used = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String base = normalise(headers.get(i), i + 1);
            String name = base;
            for (int n = 2; !used.add(name); n++) {
                String suffix = "_" + n;
                name = base.substring(0, Math.min(base.length(), SqlIdentifier.MAX_LENGTH - suffix.length())) + suffix;
            }
            names.add(name);
        }
        return names;
    }

    static String normalise(String header, int position) {
        String name = (header == null ? "" : header.strip().toLowerCase(Locale.ROOT))
                .replaceAll("[^a-z0-9_]+", "_")
                .replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "column_" + position;
        }
        if (Character.isDigit(name.charAt(0))) {
            name = "c_" + name;
        }
        if (name.length() > SqlIdentifier.MAX_LENGTH) {
            name = name.substring(0, SqlIdentifier.MAX_LENGTH);
        }
        if (!SqlIdentifier.isValid(name)) {
            name = name.substring(0, Math.min(name.length(), SqlIdentifier.MAX_LENGTH - 1)) + "_";
        }
        return name;
    }
}
