package com.acme.intake.catalog.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.kernel.FieldError;
import com.acme.intake.kernel.ValidationFailed;

/** Checks an edit of descriptions and gap notes and applies it to a snapshot. */
public final class CatalogEdits {

    /** Longest dataset description or gap note; long enough for a page of documentation. */
    public static final int MAX_MARKDOWN = 20_000;
    /** Longest column description, as on the intake form. */
    public static final int MAX_COLUMN_DESCRIPTION = 2_000;

    private CatalogEdits() {
    }

    /**
     * The snapshot with the edit applied.
     *
     * @throws ValidationFailed naming every problem (lengths, unknown or repeated columns); nothing is applied
     */
    public static CatalogSnapshot apply(CatalogSnapshot current, CatalogEdit edit) {
        List<FieldError> errors = problems(current, edit);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Map<String, String> columnDescriptions = new LinkedHashMap<>();
        if (edit.columns() != null) {
            edit.columns().forEach(c -> columnDescriptions.put(c.name(), c.description()));
        }
        List<CatalogSnapshot.Column> columns = current.columns().stream()
                .map(c -> columnDescriptions.containsKey(c.name())
                        ? c.withDescription(blankToNull(columnDescriptions.get(c.name())))
                        : c)
                .toList();
        return current.withTexts(edit.description() == null ? current.description() : edit.description().strip(),
                edit.knownGaps() == null ? current.knownGaps() : edit.knownGaps().strip(), columns);
    }

    static List<FieldError> problems(CatalogSnapshot current, CatalogEdit edit) {
        List<FieldError> errors = new ArrayList<>();
        if (edit == null) {
            errors.add(new FieldError("", "send {\"description\": …, \"knownGaps\": …, \"columns\": [{\"name\": …, "
                    + "\"description\": …}]}"));
            return errors;
        }
        if (edit.description() != null) {
            if (edit.description().isBlank()) {
                errors.add(new FieldError("description", "must not be empty; leave it out to keep the current one"));
            } else if (edit.description().length() > MAX_MARKDOWN) {
                errors.add(new FieldError("description", "must be at most " + MAX_MARKDOWN + " characters"));
            }
        }
        if (edit.knownGaps() != null && edit.knownGaps().length() > MAX_MARKDOWN) {
            errors.add(new FieldError("knownGaps", "must be at most " + MAX_MARKDOWN + " characters"));
        }
        if (edit.columns() != null) {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < edit.columns().size(); i++) {
                CatalogEdit.ColumnEdit column = edit.columns().get(i);
                String at = "columns[" + i + "]";
                if (column == null || column.name() == null) {
                    errors.add(new FieldError(at + ".name", "is required"));
                    continue;
                }
                if (current.column(column.name()).isEmpty()) {
                    errors.add(new FieldError(at + ".name", "the dataset has no column of this name"));
                } else if (!seen.add(column.name())) {
                    errors.add(new FieldError(at + ".name", "is listed more than once"));
                }
                if (column.description() != null && column.description().length() > MAX_COLUMN_DESCRIPTION) {
                    errors.add(new FieldError(at + ".description",
                            "must be at most " + MAX_COLUMN_DESCRIPTION + " characters"));
                }
            }
        }
        return errors;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
