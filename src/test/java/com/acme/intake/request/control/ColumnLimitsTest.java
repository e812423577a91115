package com.acme.intake.request.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.persistence.Column;
import jakarta.persistence.Table;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestColumn;

/**
 * The limits the validator takes from the entities' {@code @Column} are those of the schema the
 * migrations create: every text and decimal field of a request, checked on an in-memory H2.
 */
class ColumnLimitsTest {

    private static final String URL = "jdbc:h2:mem:column_limits;DB_CLOSE_DELAY=-1";
    private static Connection connection;

    @BeforeAll
    static void migrate() throws SQLException {
        Flyway.configure().dataSource(URL, "sa", "").locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(URL, "sa", "");
    }

    @AfterAll
    static void close() throws SQLException {
        connection.createStatement().execute("SHUTDOWN");
        connection.close();
    }

    @Test
    void every_text_field_of_a_request_has_its_columns_length() throws SQLException {
        int checked = 0;
        for (Class<?> entity : new Class<?>[] {IntakeRequest.class, RequestColumn.class}) {
            String table = entity == IntakeRequest.class ? IntakeRequest.class.getAnnotation(Table.class).name()
                    : "intake_request_column";
            for (Field field : entity.getDeclaredFields()) {
                Column column = field.getAnnotation(Column.class);
                if (column == null || !(field.getType() == String.class || field.getType().isEnum())) {
                    continue;
                }
                String name = column.name().isEmpty() ? field.getName() : column.name();
                assertThat(ColumnLimits.length(entity, field.getName())).as(table + "." + name)
                        .isEqualTo(schema(table, name, "CHARACTER_MAXIMUM_LENGTH"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(22);
    }

    @Test
    void the_width_has_the_columns_precision_and_scale() throws SQLException {
        assertThat(ColumnLimits.scale(RequestColumn.class, "width"))
                .isEqualTo(schema("intake_request_column", "masking_width", "NUMERIC_SCALE"));
        assertThat(ColumnLimits.integerDigits(RequestColumn.class, "width"))
                .isEqualTo(schema("intake_request_column", "masking_width", "NUMERIC_PRECISION")
                        - schema("intake_request_column", "masking_width", "NUMERIC_SCALE"));
    }

    private static int schema(String table, String column, String what) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT " + what + " FROM INFORMATION_SCHEMA.COLUMNS "
                + "WHERE LOWER(TABLE_NAME) = ? AND LOWER(COLUMN_NAME) = ?")) {
            s.setString(1, table);
            s.setString(2, column);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as(table + "." + column + " exists").isTrue();
                return rs.getInt(1);
            }
        }
    }
}
