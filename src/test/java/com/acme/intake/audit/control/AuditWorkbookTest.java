package com.acme.intake.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.RequestInfo;
import com.acme.intake.audit.entity.Verification;

class AuditWorkbookTest {

    static final Instant T0 = Instant.parse("2025-03-31T09:15:30.123456Z");

    @TempDir
    Path poiTemp;

    @AfterEach
    void default_temp_files() {
        TempFile.setThreadLocalTempFileCreationStrategy(null);
    }

    @Test
    void the_workbook_has_the_three_sheets_with_frozen_filtered_headers() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("Events", "Requests", "Export");
            for (String name : List.of("Events", "Requests")) {
                XSSFSheet sheet = wb.getSheet(name);
                assertThat(sheet.getPaneInformation()).as(name).isNotNull();
                assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
                assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name + " autofilter").isTrue();
                assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).isNotZero();
            }
            XSSFSheet events = wb.getSheet("Events");
            assertThat(events.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:I5");
            assertThat(events.getColumnWidth(7)).isEqualTo(60 * 256);
        }
    }

    @Test
    void every_sheet_prints_landscape_one_page_wide_and_tables_repeat_their_header_row() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            for (Sheet sheet : wb) {
                String name = sheet.getSheetName();
                assertThat(sheet.getFitToPage()).as(name + " fit to page").isTrue();
                assertThat(sheet.getPrintSetup().getLandscape()).as(name + " landscape").isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(name + " pages wide").isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getFitHeight()).as(name + " pages tall: no limit").isEqualTo((short) 0);
            }
            for (String name : List.of("Events", "Requests")) {
                assertThat(wb.getSheet(name).getRepeatingRows()).as(name + " repeated rows")
                        .isEqualTo(CellRangeAddress.valueOf("1:1"));
            }
        }
    }

    @Test
    void headers_and_labels_follow_the_exporters_language() throws IOException {
        try (XSSFWorkbook ja = read(write(events().iterator(), "ja"))) {
            assertThat(texts(ja.getSheet("Events").getRow(0))).containsExactly("連番", "日時（UTC）", "実行者", "操作",
                    "申請番号", "タスク", "事業部門", "詳細", "ハッシュ");
            assertThat(texts(ja.getSheet("Requests").getRow(0))).startsWith("申請番号", "件名", "事業部門")
                    .contains("最終状態", "レビュー担当者");
            Sheet export = ja.getSheet("Export");
            assertThat(export.getRow(0).getCell(0).getStringCellValue()).isEqualTo("監査証跡のエクスポート");
            assertThat(export.getRow(1).getCell(0).getStringCellValue()).isEqualTo("エクスポート実行者");
            assertThat(export.getRow(1).getCell(1).getStringCellValue()).isEqualTo("audrey");
            assertThat(ja.getSheet("Events").getRow(1).getCell(3).getStringCellValue())
                    .as("values are the trail's, not translated").isEqualTo("REQUEST_SUBMITTED");
        }
        try (XSSFWorkbook en = read(write(events().iterator(), "en"))) {
            assertThat(texts(en.getSheet("Requests").getRow(0))).containsExactly("request", "title", "business unit",
                    "dataset", "requester", "final status", "reviewers", "masking (column:pii/method)");
        }
        assertThat(catchThrowable(() -> write(events().iterator(), "fr")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[en, ja]");
    }

    @Test
    void events_are_written_with_real_date_time_cells() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            Sheet sheet = wb.getSheet("Events");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(texts(sheet.getRow(0))).containsExactly("seq", "time (UTC)", "actor", "action", "request",
                    "task", "business unit", "details", "hash");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1);
            Cell time = first.getCell(1);
            assertThat(time.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(time)).isTrue();
            assertThat(time.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.parse("2025-03-31T09:15:30.123"));
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("alice");
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("REQUEST_SUBMITTED");
            assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(7);
            assertThat(first.getCell(8).getStringCellValue()).hasSize(64);
            assertThat(sheet.getRow(4).getCell(4)).as("no request").isNull();
        }
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_is_neutralised() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            Row hostile = wb.getSheet("Events").getRow(3);
            assertThat(hostile.getCell(7).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
            assertThat(hostile.getCell(2).getStringCellValue()).isEqualTo("'@mallory");
            Row request = wb.getSheet("Requests").getRow(1);
            assertThat(request.getCell(1).getStringCellValue()).isEqualTo("'+cmd|' /C calc'!A0");
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + " " + cell.getAddress())
                                .isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
        }
        assertThat(Stream.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx").map(AuditWorkbook::neutralise))
                .allSatisfy(s -> assertThat(s).startsWith("'"));
        assertThat(AuditWorkbook.neutralise("a=1")).isEqualTo("a=1");
        assertThat(AuditWorkbook.neutralise("")).isEmpty();
    }

    @Test
    void japanese_text_round_trips() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            assertThat(wb.getSheet("Events").getRow(2).getCell(7).getStringCellValue())
                    .isEqualTo("privacyReview=APPROVE; comment=個人情報は匿名化済み");
            assertThat(wb.getSheet("Requests").getRow(2).getCell(1).getStringCellValue()).isEqualTo("顧客マスタ");
        }
    }

    @Test
    void the_requests_sheet_lists_each_request_with_reviewers_and_masking() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            Sheet sheet = wb.getSheet("Requests");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row seven = sheet.getRow(1);
            assertThat(seven.getCell(0).getNumericCellValue()).isEqualTo(7);
            assertThat(texts(seven)).containsSubsequence("marketing", "crm_customers", "alice", "PROVISIONED");
            Row eight = sheet.getRow(2);
            assertThat(eight.getCell(6).getStringCellValue()).isEqualTo("priya: privacyReview=APPROVE");
            assertThat(eight.getCell(7).getStringCellValue())
                    .isEqualTo("customer_id:NONE/KEEP, email:PERSONAL/EMAIL");
        }
    }

    @Test
    void the_export_sheet_names_filters_exporter_counts_and_verification() throws IOException {
        try (XSSFWorkbook wb = read(write(events()))) {
            Sheet sheet = wb.getSheet("Export");
            Map<String, Cell> values = new LinkedHashMap<>();
            for (Row row : sheet) {
                if (row.getCell(1) != null) {
                    values.put(row.getCell(0).getStringCellValue(), row.getCell(1));
                }
            }
            assertThat(values.get("exported by").getStringCellValue()).isEqualTo("audrey");
            assertThat(DateUtil.isCellDateFormatted(values.get("exported at (UTC)"))).isTrue();
            assertThat(values.get("filter businessUnit").getStringCellValue()).isEqualTo("marketing");
            assertThat(values.get("events").getNumericCellValue()).isEqualTo(4);
            assertThat(values.get("requests").getNumericCellValue()).isEqualTo(2);
            assertThat(values.get("chain verification").getStringCellValue()).isEqualTo("intact: 4 events chained");
            assertThat(values.get("chain head").getStringCellValue()).startsWith("event 4, hash ");
        }
    }

    @Test
    void no_temporary_file_remains_even_when_writing_fails() throws IOException {
        TempFile.setThreadLocalTempFileCreationStrategy(new DefaultTempFileCreationStrategy(poiTemp.toFile()));

        write(events());
        List<Path> duringWrite = new ArrayList<>();
        Iterator<AuditEntry> failing = Stream.concat(events().stream(), Stream.<AuditEntry>generate(() -> {
            try (Stream<Path> files = Files.walk(poiTemp)) {
                files.filter(Files::isRegularFile).forEach(duringWrite::add);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("database gone");
        })).iterator();
        try {
            write(failing);
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("database gone");
        }

        assertThat(duringWrite).as("SXSSF spilled rows to the temporary folder").isNotEmpty();
        try (Stream<Path> left = Files.walk(poiTemp)) {
            assertThat(left.filter(Files::isRegularFile)).isEmpty();
        }
    }

    static List<AuditEntry> events() {
        List<AuditEntry> events = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        Object[][] rows = {
                {"alice", "REQUEST_SUBMITTED", 7L, null, "crm_customers: 2 columns"},
                {"priya", "REVIEW_DECIDED", 8L, "task-1", "privacyReview=APPROVE; comment=個人情報は匿名化済み"},
                {"@mallory", "REQUEST_REVISED", 7L, null, "=HYPERLINK(\"http://evil\",\"x\")"},
                {"system", "ACCESS_REFUSED", null, null, "GET /api/audit refused (403)"}};
        for (int i = 0; i < rows.length; i++) {
            Object[] r = rows[i];
            AuditEntry e = AuditChain.seal(i + 1, T0.plusSeconds(i), (String) r[0], (String) r[1], (Long) r[2],
                    (String) r[3], "marketing", (String) r[4], prev);
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    private static byte[] write(List<AuditEntry> events) throws IOException {
        return write(events.iterator());
    }

    private static byte[] write(Iterator<AuditEntry> events) throws IOException {
        return write(events, "en");
    }

    private static byte[] write(Iterator<AuditEntry> events, String language) throws IOException {
        var out = new ByteArrayOutputStream();
        AuditEntry last = events().get(3);
        AuditWorkbook.write(out, events, ids -> Map.of(
                        7L, new RequestInfo(7, "+cmd|' /C calc'!A0", "marketing", "crm_customers", "alice",
                                "PROVISIONED", List.of("id:NONE/KEEP")),
                        8L, new RequestInfo(8, "顧客マスタ", "marketing", "customers", "bob", "IN_PLATFORM_REVIEW",
                                List.of("customer_id:NONE/KEEP", "email:PERSONAL/EMAIL"))),
                new AuditWorkbook.Export("audrey", T0.plusSeconds(60), Map.of("businessUnit", "marketing"),
                        new ChainHead(4, last.hash()), language),
                () -> Verification.intact(4));
        return out.toByteArray();
    }

    private static XSSFWorkbook read(byte[] bytes) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
    }
}
