package com.acme.intake.provisioning.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.acme.intake.kernel.SqlIdentifier;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingParameter;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PseudonymKey;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;

/**
 * Everything the loader needs to provision one masked staging table, decided before a single row
 * is read: the target table {@code staging.<business_unit>__<dataset>}, its comment, every column
 * of the request with its declared type, description and masking, and the pseudonym key.
 * <p>
 * Columns keep the request's order; DROP columns stay in the plan (so the plan mirrors the
 * request) but are neither read from the source nor created.
 *
 * @param table        the target table in {@link #SCHEMA}
 * @param tableComment the table's comment, built from the request's title, purpose, owner and source
 * @param columns      every column of the request, in order; at least one is not dropped
 * @param key          the key PSEUDONYMIZE columns use; its id is recorded on each run
 */
public record LoadPlan(SqlIdentifier table, String tableComment, List<Column> columns, PseudonymKey key) {

    /** The schema every staging table lives in. */
    public static final SqlIdentifier SCHEMA = new SqlIdentifier("staging");

    /** How long the readable part of a work table's name is; with the suffix it stays within 63. */
    static final int WORK_PREFIX_LENGTH = 50;
    /** The tail of a work table's name: {@code __w_} and 8 hex digits. */
    private static final Pattern WORK_SUFFIX = Pattern.compile("__w_[0-9a-f]{8}$");

    /**
     * One column of the request.
     *
     * @param name        the column's name, in the source and in the staging table
     * @param type        the declared type (the source's values arrive in its Java class)
     * @param description the requester's description, may be null
     * @param masking     how values are masked on their way in
     */
    public record Column(SqlIdentifier name, ColumnType type, String description, MaskingSpec masking) {

        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(masking, "masking");
        }

        /** False for DROP: the column is neither read nor created. */
        public boolean created() {
            return masking.method() != MaskingMethod.DROP;
        }

        public boolean pseudonymized() {
            return masking.method() == MaskingMethod.PSEUDONYMIZE;
        }

        /** The column's type in the staging table (VARCHAR for PSEUDONYMIZE). */
        public ColumnType resultType() {
            return masking.method().resultType(type);
        }

        /**
         * The column's comment: the description, followed by how the column is masked when it is
         * (so an analyst sees that a value is a pseudonym, not the original). Parameters other than
         * the justification are shown; null when there is neither description nor masking.
         */
        public String comment() {
            String text = description == null || description.isBlank() ? null : description.strip();
            MaskingMethod method = masking.method();
            if (method == MaskingMethod.KEEP) {
                return text;
            }
            String parameters = masking.parameters().entrySet().stream()
                    .filter(e -> !e.getKey().equals(MaskingParameter.JUSTIFICATION.key()))
                    .map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining());
            String note = "(masked: " + method + parameters + ")";
            return text == null ? note : text + " " + note;
        }
    }

    public LoadPlan {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        if (WORK_SUFFIX.matcher(table.name()).find()) {
            throw new IllegalArgumentException("a staging table name must not end like a work table (__w_ and 8 hex digits)");
        }
        columns = List.copyOf(columns);
        if (columns.stream().noneMatch(Column::created)) {
            throw new IllegalArgumentException("a staging table needs at least one column that is not dropped");
        }
        if (columns.stream().map(c -> c.name().name()).distinct().count() != columns.size()) {
            throw new IllegalArgumentException("column names must be unique");
        }
    }

    /**
     * The plan for an approved request: table {@code <business_unit>__<dataset>} in
     * {@code staging}, its comment from title, purpose, owner, source and request id, and the
     * request's columns with their descriptions and masking.
     *
     * @throws IllegalArgumentException when a name is not a valid identifier (refused at submission
     *                                  already, so this points to a bug), or every column is dropped
     */
    public static LoadPlan forRequest(IntakeRequest request, PseudonymKey key) {
        List<Column> columns = request.columns().stream()
                .map(LoadPlan::column)
                .toList();
        return new LoadPlan(new SqlIdentifier(request.datasetKey()), tableComment(request), columns, key);
    }

    private static Column column(RequestColumn column) {
        return new Column(new SqlIdentifier(column.name()), column.type(), column.description(), column.maskingSpec());
    }

    private static String tableComment(IntakeRequest request) {
        String source = request.sourceKind() == SourceKind.FILE
                ? "file " + request.sourceFileName()
                : "JDBC " + request.sourceConnection() + " " + request.sourceTable();
        return request.title()
                + " - purpose: " + request.purpose()
                + "; owner: " + request.owner()
                + "; source: " + source
                + (request.id() == null ? "" : "; intake request " + request.id());
    }

    /** The columns the staging table has, in order: every column but the dropped ones. */
    public List<Column> createdColumns() {
        return columns.stream().filter(Column::created).toList();
    }

    /**
     * The table rows are loaded into before they replace the target: the first
     * {@value #WORK_PREFIX_LENGTH} characters of the target's name, {@code __w_} and the first 8 hex
     * digits of the SHA-256 of the full name (at most 62 characters). Deterministic, so a re-run
     * finds and drops what a crashed run left behind; the hash keeps two long names with the same
     * prefix apart; and no target can be named like this (the constructor refuses it), so dropping a
     * work table never drops somebody's staging table.
     */
    public SqlIdentifier workTable() {
        String name = table.name();
        String prefix = name.substring(0, Math.min(name.length(), WORK_PREFIX_LENGTH));
        return new SqlIdentifier(prefix + "__w_" + sha256Hex(name).substring(0, 8));
    }

    /** {@code staging.<table>}, unquoted: for run records and messages. */
    public String qualifiedName() {
        return SCHEMA.name() + "." + table.name();
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            // every Java SE runtime must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
