package com.acme.intake.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;

/**
 * BENCH-ONLY: a minimal JDBC {@link RowSource} over one PostgreSQL table, streaming with a
 * server-side cursor (fetch size, auto-commit off). It stands in for the real JDBC source reader,
 * which lives in the source feature; it checks nothing and knows no other database.
 */
final class BenchJdbcRowSource implements RowSource {

    private static final int FETCH_SIZE = 10_000;

    private final String url;
    private final String table;
    private final List<SourceColumn> columns;

    BenchJdbcRowSource(String url, String table, List<SourceColumn> columns) {
        this.url = url;
        this.table = table;
        this.columns = columns;
    }

    @Override
    public List<SourceColumn> columns() {
        return columns;
    }

    @Override
    public RowCursor open(List<SourceColumn> wanted) {
        try {
            Connection connection = DriverManager.getConnection(url, "postgres", null);
            connection.setAutoCommit(false);
            PreparedStatement select = connection.prepareStatement("SELECT " + wanted.stream()
                    .map(c -> "\"" + c.name() + "\"").collect(Collectors.joining(", ")) + " FROM " + table);
            select.setFetchSize(FETCH_SIZE);
            ResultSet rows = select.executeQuery();
            ColumnType[] types = wanted.stream().map(SourceColumn::type).toArray(ColumnType[]::new);
            return new Cursor(connection, rows, types);
        } catch (SQLException e) {
            throw new SourceProblem(SourceProblem.Kind.UNREACHABLE, "bench source " + table + " cannot be read", e);
        }
    }

    private record Cursor(Connection connection, ResultSet rows, ColumnType[] types) implements RowCursor {

        @Override
        public boolean next() {
            try {
                return rows.next();
            } catch (SQLException e) {
                throw new SourceProblem(SourceProblem.Kind.UNREACHABLE, "bench source read failed", e);
            }
        }

        @Override
        public Object get(int index) {
            try {
                int column = index + 1;
                Object value = switch (types[index]) {
                    case VARCHAR, TEXT -> rows.getString(column);
                    case SMALLINT -> rows.getShort(column);
                    case INTEGER -> rows.getInt(column);
                    case BIGINT -> rows.getLong(column);
                    case DECIMAL -> rows.getBigDecimal(column);
                    case DOUBLE -> rows.getDouble(column);
                    case BOOLEAN -> rows.getBoolean(column);
                    case DATE -> rows.getObject(column, LocalDate.class);
                    case TIMESTAMP -> rows.getObject(column, LocalDateTime.class);
                };
                return rows.wasNull() ? null : value;
            } catch (SQLException e) {
                throw new SourceProblem(SourceProblem.Kind.TYPE_CHANGED, "bench source column " + (index + 1) + " unreadable", e);
            }
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new SourceProblem(SourceProblem.Kind.UNREACHABLE, "bench source close failed", e);
            }
        }
    }
}
