package com.acme.intake.source.control;

import static com.acme.intake.source.control.CsvFilesTest.col;
import static com.acme.intake.source.control.CsvFilesTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.UploadColumn;

class XlsxFilesTest {

    @Test
    void readsNumbersDatesBooleansAndJapaneseTextOfTheFirstSheet() throws IOException {
        // given a workbook as a business unit would export it, with a second sheet that is ignored
        byte[] file;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle timeStyle = workbook.createCellStyle();
            timeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Sheet sheet = workbook.createSheet("顧客");
            row(sheet, 0, "顧客ID", "氏名", "Birth Date", "Income", "Active", "Signed up", "Note");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(1);
            first.createCell(1).setCellValue("山田太郎");
            first.createCell(2).setCellValue(LocalDate.of(1980, 4, 1));
            first.getCell(2).setCellStyle(dateStyle);
            first.createCell(3).setCellValue(5_250_000.5);
            first.createCell(4).setCellValue(true);
            first.createCell(5).setCellValue(LocalDateTime.of(2024, 3, 1, 9, 30, 15));
            first.getCell(5).setCellStyle(timeStyle);
            first.createCell(6).setCellValue("メモ");
            Row second = sheet.createRow(3);
            second.createCell(0).setCellValue(2);
            second.createCell(1).setCellValue("Emma Smith");
            second.createCell(4).setCellValue(false);
            second.createCell(8).setCellValue("beyond the header");
            workbook.createSheet("other").createRow(0).createCell(0).setCellValue("ignored");
            file = bytes(workbook);
        }

        // when
        FileRowSource source = xlsx(file);

        // then
        assertThat(source.uploadColumns()).containsExactly(
                new UploadColumn("id", "顧客ID", ColumnType.BIGINT),
                new UploadColumn("column_2", "氏名", ColumnType.VARCHAR),
                new UploadColumn("birth_date", "Birth Date", ColumnType.DATE),
                new UploadColumn("income", "Income", ColumnType.DECIMAL),
                new UploadColumn("active", "Active", ColumnType.BOOLEAN),
                new UploadColumn("signed_up", "Signed up", ColumnType.TIMESTAMP),
                new UploadColumn("note", "Note", ColumnType.VARCHAR));
        assertThat(source.analyse().rowCount()).isEqualTo(2);
        assertThat(rows(source, List.of(col("id", ColumnType.BIGINT), col("column_2", ColumnType.VARCHAR),
                col("birth_date", ColumnType.DATE), col("income", ColumnType.DECIMAL), col("active", ColumnType.BOOLEAN),
                col("signed_up", ColumnType.TIMESTAMP), col("id", ColumnType.VARCHAR))))
                .containsExactly(
                        List.of(1L, "山田太郎", LocalDate.of(1980, 4, 1), new BigDecimal("5250000.5"), true,
                                LocalDateTime.of(2024, 3, 1, 9, 30, 15), "1"),
                        Arrays.asList(2L, "Emma Smith", null, null, false, null, "2"));
    }

    @Test
    void aStreamedWorkbookWithInlineStringsReadsTheSame() throws IOException {
        // given SXSSF output, which writes inline strings instead of shared ones
        byte[] file;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(10)) {
            Sheet sheet = workbook.createSheet();
            row(sheet, 0, "code", "city");
            for (int i = 1; i <= 500; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue("0" + i);
                row.createCell(1).setCellValue(i % 2 == 0 ? "東京" : "Berlin");
            }
            file = bytes(workbook);
            workbook.dispose();
        }

        FileRowSource source = xlsx(file);

        assertThat(source.uploadColumns()).extracting(UploadColumn::type).containsExactly(ColumnType.VARCHAR, ColumnType.VARCHAR);
        List<List<Object>> rows = rows(source, List.of(col("code", ColumnType.VARCHAR), col("city", ColumnType.VARCHAR)));
        assertThat(rows).hasSize(500);
        assertThat(rows.get(1)).containsExactly("02", "東京");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() {
        byte[] notAWorkbook = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> xlsx(notAWorkbook).uploadColumns())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE))
                .hasMessage("the file is not a readable .xlsx workbook");
    }

    @Test
    void columnLettersBecomeIndexes() {
        assertThat(XlsxTableReader.columnIndex("A1")).isZero();
        assertThat(XlsxTableReader.columnIndex("Z9")).isEqualTo(25);
        assertThat(XlsxTableReader.columnIndex("AA10")).isEqualTo(26);
        assertThat(XlsxTableReader.columnIndex("BC12")).isEqualTo(54);
    }

    private static FileRowSource xlsx(byte[] file) {
        return new FileRowSource("the file", FileFormat.XLSX, null, () -> new ByteArrayInputStream(file));
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static byte[] bytes(org.apache.poi.ss.usermodel.Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
