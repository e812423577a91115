package com.acme.intake.source.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.acme.intake.provisioning.entity.SqlIdentifier;

/**
 * Turns a file's header cells into column names a request can use ({@link SqlIdentifier}):
 * lowercase, each run of other characters than a-z, 0-9 and _ becomes one {@code _}, a leading
 * digit gets a {@code c_} prefix, a reserved word a {@code _} suffix. A header with nothing left
 * (Japanese text, say) becomes {@code column_<position>}; duplicates get {@code _2}, {@code _3}.
 * The original header is kept beside the name for display.
 */
final class HeaderNames {

    private HeaderNames() {
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
