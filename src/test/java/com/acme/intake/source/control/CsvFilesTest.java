package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.UploadColumn;

class CsvFilesTest {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    @Test
    void utf8WithBomReadsHeaderWithoutTheMark() {
        // given a UTF-8 file as Excel saves it: with a byte order mark
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "id,name\n1,山田太郎\n2,Emma Smith\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = concat(bom, body);

        // when
        FileRowSource source = csv(file);

        // then
        assertThat(Utf8Detector.detect(file)).isEqualTo(StandardCharsets.UTF_8);
        assertThat(source.uploadColumns()).containsExactly(
                new UploadColumn("id", "id", ColumnType.BIGINT),
                new UploadColumn("name", "name", ColumnType.VARCHAR));
        assertThat(rows(source, List.of(col("id", ColumnType.BIGINT), col("name", ColumnType.VARCHAR))))
                .containsExactly(List.of(1L, "山田太郎"), List.of(2L, "Emma Smith"));
    }

    @Test
    void shiftJisWithJapaneseHeadersAndValuesIsDetectedAndDecoded() {
        // given a file as Excel on Japanese Windows writes it
        byte[] file = "顧客ID,氏名,都市,生年月日\r\n1,山田太郎,東京,1980-04-01\r\n2,佐藤花子,大阪,1992-12-31\r\n"
                .getBytes(SHIFT_JIS);

        // when
        Charset detected = Utf8Detector.detect(file);
        FileRowSource source = new FileRowSource("the file", FileFormat.CSV, detected, () -> new ByteArrayInputStream(file));

        // then the Japanese headers are kept for display and the names are valid identifiers
        assertThat(detected).isEqualTo(SHIFT_JIS);
        assertThat(source.uploadColumns()).containsExactly(
                new UploadColumn("id", "顧客ID", ColumnType.BIGINT),
                new UploadColumn("column_2", "氏名", ColumnType.VARCHAR),
                new UploadColumn("column_3", "都市", ColumnType.VARCHAR),
                new UploadColumn("column_4", "生年月日", ColumnType.DATE));
        assertThat(rows(source, List.of(col("column_2", ColumnType.VARCHAR), col("column_4", ColumnType.DATE))))
                .containsExactly(List.of("山田太郎", LocalDate.of(1980, 4, 1)), List.of("佐藤花子", LocalDate.of(1992, 12, 31)));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() {
        byte[] file = ("id,comment\n"
                + "1,\"Tokyo, Japan\"\n"
                + "2,\"first line\nsecond line\"\n"
                + "3,\"she said \"\"hi\"\"\"\n"
                + "4,\n").getBytes(StandardCharsets.UTF_8);

        List<List<Object>> rows = rows(csv(file), List.of(col("id", ColumnType.INTEGER), col("comment", ColumnType.TEXT)));

        assertThat(rows).containsExactly(
                List.of(1, "Tokyo, Japan"),
                List.of(2, "first line\nsecond line"),
                List.of(3, "she said \"hi\""),
                java.util.Arrays.asList(4, null));
    }

    @Test
    void typesAreInferredFromTheValues() {
        byte[] file = ("count,amount,day,at,flag,postal,mixed,empty\n"
                + "1,1.50,2024-01-31,2024-01-31T10:15:00,true,0123,1,\n"
                + "-20,3,2024-02-29,2024-02-29 23:59:59,FALSE,4567,x,\n"
                + ",,,,,,,\n").getBytes(StandardCharsets.UTF_8);

        assertThat(csv(file).uploadColumns()).extracting(UploadColumn::type).containsExactly(
                ColumnType.BIGINT, ColumnType.DECIMAL, ColumnType.DATE, ColumnType.TIMESTAMP, ColumnType.BOOLEAN,
                ColumnType.VARCHAR, ColumnType.VARCHAR, ColumnType.VARCHAR);
    }

    @Test
    void valuesConvertToTheWantedTypesAndEmptyIsNull() {
        byte[] file = "amount,at,flag\n1.50,2024-01-31 10:15:00,true\n,,\n".getBytes(StandardCharsets.UTF_8);

        List<List<Object>> rows = rows(csv(file), List.of(col("amount", ColumnType.DECIMAL), col("at", ColumnType.TIMESTAMP),
                col("flag", ColumnType.BOOLEAN), col("amount", ColumnType.VARCHAR)));

        assertThat(rows.get(0)).containsExactly(new BigDecimal("1.50"), LocalDateTime.of(2024, 1, 31, 10, 15),
                true, "1.50");
        assertThat(rows.get(1)).containsOnlyNulls();
    }

    @Test
    void headersAreNormalisedToIdentifiers() {
        byte[] file = "Customer ID,E-Mail Address,2nd Phone,order,e-mail address,,  Name  \n1,a,b,c,d,e,f\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(csv(file).uploadColumns()).extracting(UploadColumn::name).containsExactly(
                "customer_id", "e_mail_address", "c_2nd_phone", "order_", "e_mail_address_2", "column_6", "name");
    }

    @Test
    void wantedColumnsAreMatchedIgnoringCaseAndRefusedWhenMissingOrUnconvertible() {
        FileRowSource source = csv("id,name\n1,x\n".getBytes(StandardCharsets.UTF_8));

        assertThat(rows(source, List.of(col("ID", ColumnType.BIGINT)))).containsExactly(List.of(1L));
        assertThatThrownBy(() -> source.open(List.of(col("email", ColumnType.VARCHAR))))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.MISSING_COLUMN))
                .hasMessageContaining("email");
        assertThatThrownBy(() -> source.open(List.of(col("name", ColumnType.DATE))))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.TYPE_CHANGED))
                .hasMessageContaining("wanted DATE").hasMessageContaining("VARCHAR");
    }

    @Test
    void aLaterValueThatDoesNotFitNamesTheRowButNotTheValue() {
        // given a number column whose bad value lies beyond the inference sample
        StringBuilder text = new StringBuilder("n\n");
        for (int i = 0; i < FileRowSource.SAMPLE_ROWS; i++) {
            text.append(i).append('\n');
        }
        text.append("SECRET-VALUE\n");
        FileRowSource source = csv(text.toString().getBytes(StandardCharsets.UTF_8));

        // when / then
        assertThatThrownBy(() -> rows(source, List.of(col("n", ColumnType.BIGINT))))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.TYPE_CHANGED))
                .hasMessageContaining("row " + (FileRowSource.SAMPLE_ROWS + 2))
                .hasMessageNotContaining("SECRET");
        assertThat(source.analyse().rowCount()).isEqualTo(FileRowSource.SAMPLE_ROWS + 1);
    }

    @Test
    void brokenFilesAreRefusedWithoutEchoingContent() {
        assertThatThrownBy(() -> csv(new byte[0]).uploadColumns())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE));
        assertThatThrownBy(() -> csv("a,b\n1,2,SECRET\n".getBytes(StandardCharsets.UTF_8)).analyse())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE))
                .hasMessageContaining("record 2").hasMessageNotContaining("SECRET");
        assertThatThrownBy(() -> csv("a,b\n1,\"SECRET\n".getBytes(StandardCharsets.UTF_8)).analyse())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE))
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void aTrailingEmptyFieldIsAccepted() {
        assertThat(csv("a,b\n1,2,\n".getBytes(StandardCharsets.UTF_8)).analyse().rowCount()).isEqualTo(1);
    }

    static FileRowSource csv(byte[] file) {
        return new FileRowSource("the file", FileFormat.CSV, Utf8Detector.detect(file), () -> new ByteArrayInputStream(file));
    }

    static SourceColumn col(String name, ColumnType type) {
        return new SourceColumn(name, type, true);
    }

    static List<List<Object>> rows(com.acme.intake.source.entity.RowSource source, List<SourceColumn> wanted) {
        List<List<Object>> rows = new ArrayList<>();
        try (RowCursor cursor = source.open(wanted)) {
            while (cursor.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < wanted.size(); i++) {
                    row.add(cursor.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
