package com.acme.intake.source.control;

import java.sql.Types;
import java.util.Locale;

import com.acme.intake.masking.entity.ColumnType;

/** Maps a column's JDBC type (as {@link java.sql.DatabaseMetaData#getColumns} reports it) to ours. */
final class JdbcTypes {

    private JdbcTypes() {
    }

    /**
     * Our type for a JDBC type, or null when none fits (JSON, arrays, binary, intervals, times of
     * day…). A NUMERIC with scale 0 and at most 18 digits holds whole numbers that fit a BIGINT.
     */
    static ColumnType map(int jdbcType, int size, int scale) {
        return switch (jdbcType) {
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR -> ColumnType.VARCHAR;
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB -> ColumnType.TEXT;
            case Types.TINYINT, Types.SMALLINT -> ColumnType.SMALLINT;
            case Types.INTEGER -> ColumnType.INTEGER;
            case Types.BIGINT -> ColumnType.BIGINT;
            case Types.NUMERIC, Types.DECIMAL -> size > 0 && size <= 18 && scale == 0 ? ColumnType.BIGINT : ColumnType.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> ColumnType.DOUBLE;
            case Types.BOOLEAN -> ColumnType.BOOLEAN;
            case Types.BIT -> size <= 1 ? ColumnType.BOOLEAN : null;
            case Types.DATE -> ColumnType.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnType.TIMESTAMP;
            default -> null;
        };
    }

    /** True for timestamps that carry an offset: read as an instant and turned into UTC wall-clock time. */
    static boolean withTimeZone(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return jdbcType == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("with time zone");
    }

    /** Whether a column without a type of ours still reads sensibly as text (not for binary or structured values). */
    static boolean readableAsText(int jdbcType) {
        return switch (jdbcType) {
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB, Types.ARRAY, Types.STRUCT,
                    Types.REF, Types.DATALINK, Types.JAVA_OBJECT, Types.ROWID -> false;
            default -> true;
        };
    }
}
