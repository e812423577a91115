package com.acme.intake.kernel;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A name that may become a warehouse identifier (schema, table or column): lowercase ASCII letter
 * first, then lowercase letters, digits or underscores, at most 63 characters (PostgreSQL's limit
 * in bytes, which for this alphabet is characters), and not a reserved word of SQL, PostgreSQL or
 * H2. Anything else is refused when a request is submitted; valid names are still always quoted
 * when they reach SQL.
 */
public record SqlIdentifier(String name) {

    public static final Pattern PATTERN = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    public static final int MAX_LENGTH = 63;

    /**
     * Reserved words of SQL:2016, PostgreSQL and H2 2.x (lowercase). A table or column called
     * {@code user} or {@code order} would work quoted, but would trip every analyst who writes SQL
     * by hand, so they are refused outright.
     */
    static final Set<String> RESERVED = Set.of(
            "all", "alter", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
            "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "by", "call", "case",
            "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_path", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "day", "dec", "decimal",
            "default", "deferrable", "delete", "desc", "distinct", "do", "double", "drop", "else", "end",
            "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from",
            "full", "grant", "group", "groups", "having", "hour", "if", "ilike", "in", "initially", "inner",
            "insert", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join", "key",
            "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus", "minute",
            "month", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif",
            "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
            "placing", "position", "precision", "primary", "qualify", "real", "references", "regexp",
            "returning", "revoke", "right", "row", "rownum", "rows", "second", "select", "session_user",
            "set", "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table",
            "tablesample", "then", "time", "timestamp", "to", "top", "trailing", "treat", "trim", "true",
            "uescape", "union", "unique", "unknown", "update", "user", "using", "value", "values", "varchar",
            "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
            "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable", "year", "_rowid_");

    public SqlIdentifier {
        Optional<String> problem = problem(name);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    /**
     * Why {@code candidate} is not a valid identifier, or empty when it is. The message quotes the
     * candidate only when it is short and printable ASCII, so hostile input is not echoed back.
     */
    public static Optional<String> problem(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("is required");
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (!PATTERN.matcher(candidate).matches()) {
            return Optional.of("must start with a lowercase letter a-z and contain only a-z, 0-9 and _");
        }
        if (RESERVED.contains(candidate.toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + candidate + "' is a reserved SQL word");
        }
        return Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return problem(candidate).isEmpty();
    }

    /** The identifier in double quotes, ready for SQL. Valid names contain no quote to escape. */
    public String quoted() {
        return '"' + name + '"';
    }

    @Override
    public String toString() {
        return name;
    }
}
