package com.acme.intake.source.control;

import static com.acme.intake.source.control.CsvFilesTest.col;
import static com.acme.intake.source.control.CsvFilesTest.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.TableName;

class DemoSourceTest {

    private static final List<SourceColumn> ALL = List.of(col("customer_id", ColumnType.BIGINT),
            col("full_name", ColumnType.VARCHAR), col("email", ColumnType.VARCHAR), col("phone", ColumnType.VARCHAR),
            col("birth_date", ColumnType.DATE), col("city", ColumnType.VARCHAR), col("annual_income", ColumnType.DECIMAL),
            col("signed_up_at", ColumnType.TIMESTAMP), col("segment", ColumnType.VARCHAR));

    @Test
    void theSampleTableIsFilledOnceWithTheSameRowsEverywhere() {
        // given two fresh demo databases
        RegisteredSource first = demo();
        RegisteredSource second = demo();

        // when
        int added = DemoSource.ensureFilled(first);
        int again = DemoSource.ensureFilled(first);
        DemoSource.ensureFilled(second);

        // then
        assertThat(added).isEqualTo(DemoSource.ROWS);
        assertThat(again).isZero();
        List<List<Object>> rows = rows(new JdbcRowSource(first, TableName.parse(DemoSource.TABLE)), ALL);
        assertThat(rows).hasSize(DemoSource.ROWS)
                .isEqualTo(rows(new JdbcRowSource(second, TableName.parse(DemoSource.TABLE)), ALL));
        assertThat(rows).anySatisfy(row -> assertThat((String) row.get(1)).matches("\\p{IsHan}+\\p{IsHan}|\\p{IsHan}+[\\p{IsHiragana}\\p{IsHan}]+"));
        assertThat(rows).anySatisfy(row -> assertThat((String) row.get(1)).matches("[A-Z][a-z]+ [A-ZÜ][a-zü]+"));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get(4)).isInstanceOfAny(LocalDate.class);
            assertThat(row.get(7)).isInstanceOf(LocalDateTime.class);
        });
        assertThat(rows).anySatisfy(row -> assertThat(row.get(6)).isInstanceOf(BigDecimal.class));
        assertThat(rows).anySatisfy(row -> assertThat(row.get(2)).isNull());
    }

    @Test
    void theDemoTableHasLowercaseNamesLikeARequestUses() {
        RegisteredSource demo = demo();
        DemoSource.ensureFilled(demo);

        assertThat(new JdbcRowSource(demo, TableName.parse("customers")).columns()).extracting(SourceColumn::name)
                .containsExactly("customer_id", "full_name", "email", "phone", "birth_date", "city", "annual_income",
                        "signed_up_at", "segment");
    }

    private static RegisteredSource demo() {
        return DemoSource.registered("jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }
}
