package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.ProvisioningFailure;

/**
 * The warehouses we provision into, and how a column's type is spelled in each.
 * <table>
 *   <caption>column types per dialect</caption>
 *   <tr><th>declared</th><th>H2 2.2</th><th>PostgreSQL 15</th></tr>
 *   <tr><td>VARCHAR</td><td>CHARACTER VARYING</td><td>varchar</td></tr>
 *   <tr><td>TEXT</td><td>CHARACTER VARYING</td><td>text</td></tr>
 *   <tr><td>any PSEUDONYMIZE column</td><td>CHARACTER VARYING(64)</td><td>varchar(64)</td></tr>
 *   <tr><td>SMALLINT, INTEGER, BIGINT</td><td>the same</td><td>the same</td></tr>
 *   <tr><td>DECIMAL</td><td>DECFLOAT</td><td>numeric</td></tr>
 *   <tr><td>DOUBLE</td><td>DOUBLE PRECISION</td><td>double precision</td></tr>
 *   <tr><td>BOOLEAN, DATE</td><td>the same</td><td>the same</td></tr>
 *   <tr><td>TIMESTAMP</td><td>TIMESTAMP</td><td>timestamp (without time zone)</td></tr>
 * </table>
 * A request declares no length or precision, so nothing may be cut: unbounded text (H2's
 * {@code CHARACTER VARYING} holds up to 10^9 characters, and unlike a CLOB it still compares and
 * groups), and unconstrained decimals. H2's {@code NUMERIC} without precision has scale 0 and would
 * round {@code 123.45} to {@code 123}, so H2 gets {@code DECFLOAT}, which keeps the exact value
 * (though not trailing zeros: {@code 120.00} reads back as {@code 120}).
 */
public enum WarehouseDialect {
    H2,
    POSTGRESQL;

    /**
     * The dialect of the warehouse behind {@code connection}.
     *
     * @throws ProvisioningFailure for any other database
     */
    public static WarehouseDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.equals("postgresql")) {
            return POSTGRESQL;
        }
        throw new ProvisioningFailure("the warehouse is neither H2 nor PostgreSQL; staging tables cannot be provisioned there");
    }

    /** The SQL type of a created column in this dialect. */
    public String sqlType(LoadPlan.Column column) {
        if (column.pseudonymized()) {
            return this == H2 ? "CHARACTER VARYING(64)" : "varchar(64)";
        }
        ColumnType type = column.resultType();
        if (this == H2) {
            return switch (type) {
                case VARCHAR, TEXT -> "CHARACTER VARYING";
                case SMALLINT -> "SMALLINT";
                case INTEGER -> "INTEGER";
                case BIGINT -> "BIGINT";
                case DECIMAL -> "DECFLOAT";
                case DOUBLE -> "DOUBLE PRECISION";
                case BOOLEAN -> "BOOLEAN";
                case DATE -> "DATE";
                case TIMESTAMP -> "TIMESTAMP";
            };
        }
        return switch (type) {
            case VARCHAR -> "varchar";
            case TEXT -> "text";
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> "numeric";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp";
        };
    }

    /** The {@link Types} constant for binding a NULL of a column's staging type. */
    static int jdbcType(ColumnType type) {
        return switch (type) {
            case VARCHAR, TEXT -> Types.VARCHAR;
            case SMALLINT -> Types.SMALLINT;
            case INTEGER -> Types.INTEGER;
            case BIGINT -> Types.BIGINT;
            case DECIMAL -> Types.DECIMAL;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP;
        };
    }
}
