package com.acme.intake.request.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.kernel.FieldError;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.IntakeRequestCommand;
import com.acme.intake.request.entity.IntakeRequestCommand.ColumnSpec;
import com.acme.intake.request.entity.IntakeRequestCommand.Masking;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;

/**
 * Checks a submitted request completely before anything is stored: every problem is reported at
 * once, each with the field it concerns. Plain Java, so it is unit-tested without a container.
 */
public final class RequestValidator {

    static final int MAX_COLUMNS = 500;
    static final int MAX_RETENTION_DAYS = 36500;

    private RequestValidator() {
    }

    public static List<FieldError> validate(IntakeRequestCommand command) {
        var errors = new Errors();
        if (command == null) {
            errors.add("", "a request body is required");
            return errors.list;
        }
        lengths(errors, command);
        errors.text("title", command.title());
        errors.identifier("businessUnit", command.businessUnit());
        if (command.businessUnit() != null && command.businessUnit().contains("__")) {
            errors.add("businessUnit", "must not contain '__' (it separates business unit and dataset in table names)");
        }
        errors.identifier("dataset", command.dataset());
        if (SqlIdentifier.isValid(command.businessUnit()) && SqlIdentifier.isValid(command.dataset())
                && command.businessUnit().length() + 2 + command.dataset().length() > SqlIdentifier.MAX_LENGTH) {
            errors.add("dataset", "business unit and dataset together must fit in " + SqlIdentifier.MAX_LENGTH
                    + " characters (the table is <business_unit>__<dataset>)");
        }
        errors.text("owner", command.owner());
        errors.text("purpose", command.purpose());
        errors.oneOf("layer", command.layer(), Layer.class);
        errors.oneOf("refresh", command.refresh(), Refresh.class);
        if (command.retentionDays() == null) {
            errors.add("retentionDays", "is required");
        } else if (command.retentionDays() < 1 || command.retentionDays() > MAX_RETENTION_DAYS) {
            errors.add("retentionDays", "must be between 1 and " + MAX_RETENTION_DAYS);
        }
        source(errors, command.source());
        columns(errors, command.columns());
        return errors.list;
    }

    private static void source(Errors errors, IntakeRequestCommand.Source source) {
        if (source == null) {
            errors.add("source", "is required");
            return;
        }
        Optional<SourceKind> kind = errors.oneOf("source.kind", source.kind(), SourceKind.class);
        if (kind.isEmpty()) {
            return;
        }
        if (kind.get() == SourceKind.JDBC) {
            errors.identifier("source.connection", source.connection());
            if (isBlank(source.table())) {
                errors.add("source.table", "is required for a JDBC source");
            } else if (!source.table().matches("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                errors.add("source.table", "must be a table name, optionally with its schema (schema.table), "
                        + "of letters, digits and _");
            }
        } else {
            if (isBlank(source.fileName())) {
                errors.add("source.fileName", "is required for a FILE source");
            }
            if (isBlank(source.uploadId())) {
                errors.add("source.uploadId", "is required for a FILE source: upload the file first (POST /api/uploads)");
            } else if (!source.uploadId().matches("[A-Za-z0-9-]{1,64}")) {
                errors.add("source.uploadId", "is not an upload id");
            }
        }
    }

    private static void columns(Errors errors, List<ColumnSpec> columns) {
        if (columns == null || columns.isEmpty()) {
            errors.add("columns", "at least one column is required");
            return;
        }
        if (columns.size() > MAX_COLUMNS) {
            errors.add("columns", "at most " + MAX_COLUMNS + " columns");
            return;
        }
        Set<String> seen = new HashSet<>();
        int kept = 0;
        for (int i = 0; i < columns.size(); i++) {
            String at = "columns[" + i + "]";
            ColumnSpec column = columns.get(i);
            if (column == null) {
                errors.add(at, "is empty");
                continue;
            }
            if (errors.identifier(at + ".name", column.name()) && !seen.add(column.name())) {
                errors.add(at + ".name", "'" + column.name() + "' is used by more than one column");
            }
            Optional<ColumnType> type = errors.oneOf(at + ".type", column.type(), ColumnType.class);
            Optional<PiiCategory> pii = errors.oneOf(at + ".pii", column.pii(), PiiCategory.class);
            Masking masking = column.masking();
            if (masking == null) {
                errors.add(at + ".masking", "is required");
                continue;
            }
            Optional<MaskingMethod> method = errors.oneOf(at + ".masking.method", masking.method(), MaskingMethod.class);
            if (method.isPresent() && method.get() != MaskingMethod.DROP) {
                kept++;
            }
            if (method.isPresent() && type.isPresent() && pii.isPresent()) {
                for (String problem : masking.spec(method.get()).problems(type.get(), pii.get())) {
                    errors.add(at + ".masking", problem);
                }
            }
        }
        if (kept == 0 && errors.list.stream().noneMatch(e -> e.field().startsWith("columns"))) {
            errors.add("columns", "every column is dropped: at least one column must reach the warehouse");
        }
    }

    /**
     * Every text of the body against the column that stores it, and the width against the
     * precision the database keeps (a finer width would be rounded, down to 0): the one place
     * these limits are checked, all taken from {@link ColumnLimits}.
     */
    private static void lengths(Errors errors, IntakeRequestCommand c) {
        Class<?> r = IntakeRequest.class;
        errors.length("title", c.title(), r, "title");
        errors.length("businessUnit", c.businessUnit(), r, "businessUnit");
        errors.length("dataset", c.dataset(), r, "dataset");
        errors.length("owner", c.owner(), r, "owner");
        errors.length("purpose", c.purpose(), r, "purpose");
        errors.length("layer", c.layer(), r, "layer");
        errors.length("refresh", c.refresh(), r, "refresh");
        IntakeRequestCommand.Source source = c.source();
        if (source != null) {
            errors.length("source.kind", source.kind(), r, "sourceKind");
            errors.length("source.connection", source.connection(), r, "sourceConnection");
            errors.length("source.table", source.table(), r, "sourceTable");
            errors.length("source.fileName", source.fileName(), r, "sourceFileName");
            errors.length("source.uploadId", source.uploadId(), r, "sourceUploadId");
        }
        List<ColumnSpec> columns = c.columns();
        if (columns == null || columns.size() > MAX_COLUMNS) {
            return;
        }
        Class<?> col = RequestColumn.class;
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            if (column == null) {
                continue;
            }
            String at = "columns[" + i + "]";
            errors.length(at + ".name", column.name(), col, "name");
            errors.length(at + ".type", column.type(), col, "type");
            errors.length(at + ".pii", column.pii(), col, "pii");
            errors.length(at + ".description", column.description(), col, "description");
            Masking masking = column.masking();
            if (masking == null) {
                continue;
            }
            errors.length(at + ".masking.method", masking.method(), col, "method");
            errors.length(at + ".masking.to", masking.to(), col, "to");
            errors.length(at + ".masking.justification", masking.justification(), col, "justification");
            BigDecimal width = masking.width();
            int scale = ColumnLimits.scale(col, "width");
            int digits = ColumnLimits.integerDigits(col, "width");
            if (width != null && width.signum() != 0) {
                BigDecimal stripped = width.stripTrailingZeros();
                if (stripped.scale() > scale || stripped.precision() - stripped.scale() > digits) {
                    errors.add(at + ".masking.width", "'width' may have at most " + scale + " decimal places and "
                            + digits + " digits before the point (what is stored of it)");
                    errors.tooLong.add(at + ".masking.width");
                }
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Collects field errors; each check returns whether the value was valid. */
    private static final class Errors {
        final List<FieldError> list = new ArrayList<>();
        final Set<String> tooLong = new HashSet<>();

        void add(String field, String message) {
            if (!tooLong.contains(field)) {
                list.add(new FieldError(field, message));
            }
        }

        boolean text(String field, String value) {
            if (isBlank(value)) {
                add(field, "is required");
                return false;
            }
            return true;
        }

        /** A text longer than its column: reported once, and no other check speaks of that field. */
        void length(String field, String value, Class<?> entity, String entityField) {
            int max = ColumnLimits.length(entity, entityField);
            if (value != null && value.length() > max) {
                add(field, "must be at most " + max + " characters");
                tooLong.add(field);
            }
        }

        boolean identifier(String field, String value) {
            Optional<String> problem = SqlIdentifier.problem(value);
            problem.ifPresent(p -> add(field, p));
            return problem.isEmpty();
        }

        <E extends Enum<E>> Optional<E> oneOf(String field, String value, Class<E> type) {
            if (isBlank(value)) {
                add(field, "is required");
                return Optional.empty();
            }
            try {
                return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                var allowed = new ArrayList<String>();
                for (E constant : type.getEnumConstants()) {
                    allowed.add(constant.name());
                }
                add(field, "must be one of " + String.join(", ", allowed));
                return Optional.empty();
            }
        }
    }
}
