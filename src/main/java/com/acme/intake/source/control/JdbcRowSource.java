package com.acme.intake.source.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.TableColumn;
import com.acme.intake.source.entity.TableName;

/**
 * A table (or view) of a registered JDBC source. The table is looked up in the database's metadata
 * with the request's spelling, then upper- and lowercase (H2 folds unquoted names up, PostgreSQL
 * down), and read with the spelling the database reports, quoted. Each {@link #open} is one
 * connection and one forward-only query with a fetch size, so rows stream.
 */
final class JdbcRowSource implements RowSource {

    private final RegisteredSource source;
    private final TableName table;
    private final Predicate<String> schemaAllowed;

    JdbcRowSource(RegisteredSource source, TableName table) {
        this(source, table, schema -> true);
    }

    /** A table that is read only when the schema it resolves to passes {@code schemaAllowed}. */
    JdbcRowSource(RegisteredSource source, TableName table, Predicate<String> schemaAllowed) {
        this.source = source;
        this.table = table;
        this.schemaAllowed = schemaAllowed;
    }

    /** A column as the metadata describes it. */
    private record Column(String name, int jdbcType, String typeName, ColumnType type, boolean nullable) {
    }

    /** The table as the database spells it, with its columns in order. */
    private record Resolved(String schema, String table, List<Column> columns) {
    }

    /** The columns with the database's own type names, for the request form. */
    List<TableColumn> describe() {
        Connection connection = source.connect();
        try {
            return resolve(connection).columns().stream()
                    .map(c -> new TableColumn(c.name(), c.type(), c.nullable(), c.typeName()))
                    .toList();
        } catch (SQLException e) {
            throw source.unreachable(e);
        } finally {
            finish(connection);
        }
    }

    @Override
    public List<SourceColumn> columns() {
        return describe().stream().map(c -> new SourceColumn(c.name(), c.type(), c.nullable())).toList();
    }

    @Override
    public RowCursor open(List<SourceColumn> wanted) {
        Connection connection = source.connect();
        try {
            Resolved resolved = resolve(connection);
            List<Column> picked = match(resolved, wanted);
            String quote = quoteString(connection.getMetaData());
            StringBuilder sql = new StringBuilder("SELECT ");
            for (int i = 0; i < picked.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quoted(picked.get(i).name(), quote));
            }
            sql.append(" FROM ");
            if (resolved.schema() != null) {
                sql.append(quoted(resolved.schema(), quote)).append('.');
            }
            sql.append(quoted(resolved.table(), quote));
            PreparedStatement statement = connection.prepareStatement(sql.toString(),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(RegisteredSource.FETCH_SIZE);
            statement.setQueryTimeout(source.queryTimeoutSeconds());
            ResultSet rows = statement.executeQuery();
            return new Cursor(connection, statement, rows, picked, wanted);
        } catch (SQLException e) {
            finish(connection);
            throw source.unreachable(e);
        } catch (RuntimeException e) {
            finish(connection);
            throw e;
        }
    }

    private List<Column> match(Resolved resolved, List<SourceColumn> wanted) {
        List<Column> picked = new ArrayList<>(wanted.size());
        Set<String> missing = new LinkedHashSet<>();
        List<String> changed = new ArrayList<>();
        for (SourceColumn want : wanted) {
            Column column = find(resolved.columns(), want.name());
            if (column == null) {
                missing.add(want.name());
                continue;
            }
            boolean readable = column.type() != null || JdbcTypes.readableAsText(column.jdbcType());
            if (!readable || !Values.convertible(column.type(), want.type())) {
                changed.add(want.name() + " (wanted " + want.type() + ", the source has " + column.typeName() + ")");
            }
            picked.add(column);
        }
        if (!missing.isEmpty()) {
            throw new SourceProblem(SourceProblem.Kind.MISSING_COLUMN,
                    "source " + source.name() + " table " + table + " has no column " + String.join(", ", missing));
        }
        if (!changed.isEmpty()) {
            throw new SourceProblem(SourceProblem.Kind.TYPE_CHANGED, "source " + source.name() + " table " + table
                    + ": column types cannot be converted: " + String.join("; ", changed));
        }
        return picked;
    }

    /** The column of that name: the exact spelling first, else ignoring case. */
    private static Column find(List<Column> columns, String name) {
        Column ignoringCase = null;
        for (Column column : columns) {
            if (column.name().equals(name)) {
                return column;
            }
            if (ignoringCase == null && column.name().equalsIgnoreCase(name)) {
                ignoringCase = column;
            }
        }
        return ignoringCase;
    }

    private Resolved resolve(Connection connection) throws SQLException {
        if (table.schema() != null && !schemaAllowed.test(table.schema())) {
            throw notOpen(table.schema());
        }
        DatabaseMetaData metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String current = table.schema() == null ? connection.getSchema() : null;
        for (String tableName : spellings(table.table())) {
            for (String schema : table.schema() == null ? singletonOrNull(current) : spellings(table.schema())) {
                List<Column> columns = new ArrayList<>();
                String foundSchema = null;
                try (ResultSet rs = metaData.getColumns(null, pattern(schema, escape), pattern(tableName, escape), "%")) {
                    while (rs.next()) {
                        String rowSchema = rs.getString("TABLE_SCHEM");
                        if (!tableName.equals(rs.getString("TABLE_NAME"))
                                || (schema != null && !schema.equals(rowSchema))
                                || (foundSchema != null && !foundSchema.equals(rowSchema))) {
                            continue;
                        }
                        foundSchema = rowSchema;
                        int jdbcType = rs.getInt("DATA_TYPE");
                        String typeName = rs.getString("TYPE_NAME");
                        ColumnType type = JdbcTypes.map(jdbcType, rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"));
                        columns.add(new Column(rs.getString("COLUMN_NAME"), jdbcType, typeName, type,
                                rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
                    }
                }
                if (!columns.isEmpty()) {
                    if (!schemaAllowed.test(foundSchema)) {
                        throw notOpen(foundSchema);
                    }
                    return new Resolved(foundSchema, tableName, columns);
                }
            }
        }
        throw new SourceProblem(SourceProblem.Kind.MISSING_TABLE,
                "source " + source.name() + " has no table " + table);
    }

    /** Answered like a missing table (404): what is not open is not to be probed either. */
    private SourceProblem notOpen(String schema) {
        return new SourceProblem(SourceProblem.Kind.MISSING_TABLE, "source " + source.name() + ": schema " + schema
                + " is not open to you; an administrator opens schemas per business unit");
    }

    private static List<String> spellings(String name) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(name);
        spellings.add(name.toUpperCase(Locale.ROOT));
        spellings.add(name.toLowerCase(Locale.ROOT));
        return List.copyOf(spellings);
    }

    private static List<String> singletonOrNull(String value) {
        List<String> list = new ArrayList<>(1);
        list.add(value);
        return list;
    }

    /** A metadata search pattern matching exactly {@code name}: {@code _} and {@code %} are wildcards there. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String quoteString(DatabaseMetaData metaData) throws SQLException {
        String quote = metaData.getIdentifierQuoteString();
        return quote == null || quote.isBlank() ? "\"" : quote;
    }

    /** Names come from the database's metadata; a quote inside one is doubled as SQL requires. */
    private static String quoted(String name, String quote) {
        return quote + name.replace(quote, quote + quote) + quote;
    }

    private static void finish(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // A read-only transaction has nothing to undo; the close below is what matters.
        }
        RegisteredSource.closeQuietly(connection);
    }

    private final class Cursor implements RowCursor {

        private final Connection connection;
        private final PreparedStatement statement;
        private final ResultSet rows;
        private final List<Column> columns;
        private final List<SourceColumn> wanted;
        private long rowNumber;

        Cursor(Connection connection, PreparedStatement statement, ResultSet rows, List<Column> columns,
                List<SourceColumn> wanted) {
            this.connection = connection;
            this.statement = statement;
            this.rows = rows;
            this.columns = columns;
            this.wanted = wanted;
        }

        @Override
        public boolean next() {
            try {
                boolean more = rows.next();
                rowNumber++;
                return more;
            } catch (SQLException e) {
                throw source.unreachable(e);
            }
        }

        @Override
        public Object get(int index) {
            ColumnType want = wanted.get(index).type();
            try {
                return Values.convert(raw(index + 1, columns.get(index)), want);
            } catch (Values.Unconvertible e) {
                throw new SourceProblem(SourceProblem.Kind.TYPE_CHANGED, "source " + source.name() + " table " + table
                        + ", row " + rowNumber + ": a value of column " + wanted.get(index).name()
                        + " cannot be read as " + want);
            } catch (SQLException e) {
                throw source.unreachable(e);
            }
        }

        private Object raw(int position, Column column) throws SQLException {
            if (column.type() == null) {
                return rows.getString(position);
            }
            Object value = switch (column.type().kind()) {
                case TEXT -> rows.getString(position);
                case INTEGER -> rows.getLong(position);
                case DECIMAL -> column.type() == ColumnType.DOUBLE ? rows.getDouble(position) : rows.getBigDecimal(position);
                case BOOLEAN -> rows.getBoolean(position);
                case DATE -> rows.getObject(position, LocalDate.class);
                case TIMESTAMP -> JdbcTypes.withTimeZone(column.jdbcType(), column.typeName())
                        ? rows.getObject(position, OffsetDateTime.class)
                        : rows.getObject(position, LocalDateTime.class);
            };
            return rows.wasNull() ? null : value;
        }

        @Override
        public void close() {
            RegisteredSource.closeQuietly(rows);
            RegisteredSource.closeQuietly(statement);
            finish(connection);
        }
    }
}
