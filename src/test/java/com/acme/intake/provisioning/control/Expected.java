package com.acme.intake.provisioning.control;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.acme.intake.masking.control.ColumnMasker;
import com.acme.intake.provisioning.entity.LoadPlan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a staging table must contain: PSEUDONYMIZE recomputed here with javax.crypto, every other
 * method as {@link ColumnMasker} gives it; and how a warehouse row is compared with it.
 */
final class Expected {

    private Expected() {
    }

    static String hmacHex(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestRows.KEY.secret(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The masked rows, created columns only, in order. */
    static List<Object[]> masked(LoadPlan plan, List<Object[]> rows) {
        List<LoadPlan.Column> all = plan.columns();
        List<Object[]> result = new ArrayList<>();
        for (Object[] row : rows) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                LoadPlan.Column column = all.get(i);
                if (!column.created()) {
                    continue;
                }
                Object raw = row[i];
                if (column.pseudonymized()) {
                    values.add(raw == null ? null : hmacHex(raw.toString()));
                } else {
                    values.add(ColumnMasker.compile(column.masking(), column.type(), null).mask(raw));
                }
            }
            result.add(values.toArray());
        }
        return result;
    }

    /** Compares the current row of {@code rs} (created columns in order) with the expected one. */
    static void assertRow(ResultSet rs, Object[] expected) throws SQLException {
        for (int i = 0; i < expected.length; i++) {
            Object want = expected[i];
            String label = "column " + rs.getMetaData().getColumnName(i + 1);
            if (want == null) {
                rs.getObject(i + 1);
                assertThat(rs.wasNull()).as(label).isTrue();
            } else if (want instanceof BigDecimal decimal) {
                assertThat(rs.getBigDecimal(i + 1)).as(label).isEqualByComparingTo(decimal);
            } else if (want instanceof Number number && !(want instanceof Double)) {
                assertThat(rs.getLong(i + 1)).as(label).isEqualTo(number.longValue());
            } else if (want instanceof Double number) {
                assertThat(rs.getDouble(i + 1)).as(label).isEqualTo(number);
            } else if (want instanceof LocalDate date) {
                assertThat(rs.getObject(i + 1, LocalDate.class)).as(label).isEqualTo(date);
            } else if (want instanceof LocalDateTime dateTime) {
                assertThat(rs.getObject(i + 1, LocalDateTime.class)).as(label).isEqualTo(dateTime);
            } else {
                assertThat(rs.getObject(i + 1)).as(label).isEqualTo(want);
            }
        }
    }
}
