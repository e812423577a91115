package com.acme.intake.audit.control;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.RequestInfo;
import com.acme.intake.audit.entity.Verification;

/**
 * Writes the audit export as an Excel workbook, streaming: SXSSF keeps {@value #WINDOW} rows in
 * memory and the rest in compressed temporary files, which are removed when the workbook is closed,
 * whatever happens. Plain Java over an iterator of events: no database, no HTTP.
 *
 * <p>Sheets: "Events" (one row per event; continued in "Events 2"… past Excel's row limit),
 * "Requests" (each request the events name, with its reviewers and masking) and "Export" (who, when,
 * which filters, counts and the chain verification).
 *
 * <p>Every text cell goes through {@link #neutralise}: the trail holds what users typed (comments,
 * titles), and a spreadsheet would otherwise run a text starting with {@code =} as a formula.
 *
 * <p>Column headers and the Export sheet's labels are in the exporter's language (the audit page's
 * bundle {@value #BUNDLE}, keys {@code audit.xlsx.*}); sheet names stay English so that scripts
 * reading the workbook find them. Every sheet prints landscape, one page wide, with its header row
 * repeated on each page: an auditor prints the trail to sign it off.
 */
public final class AuditWorkbook {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String EVENTS = "Events";
    public static final String REQUESTS = "Requests";
    public static final String EXPORT = "Export";

    /** The languages the headers come in; English is the bundle's base. */
    public static final List<String> LANGUAGES = List.of("en", "ja");
    static final String BUNDLE = "i18n/messages";

    static final int WINDOW = 100;
    /** Events per sheet: Excel's row limit less the header row. */
    static final int EVENTS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private static final int MAX_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();
    private static final String COMMENT = "; comment=";

    private static final String[] EVENT_HEADERS =
            {"seq", "time", "actor", "action", "request", "task", "businessUnit", "details", "hash"};
    private static final int[] EVENT_WIDTHS = {10, 24, 18, 22, 10, 38, 18, 60, 68};
    private static final String[] REQUEST_HEADERS = {"request", "title", "businessUnit", "dataset", "requester",
            "finalStatus", "reviewers", "masking"};
    private static final int[] REQUEST_WIDTHS = {10, 40, 18, 24, 16, 22, 50, 80};

    /** Who exports what, for the Export sheet, and in which language ({@link #LANGUAGES}). */
    public record Export(String exporter, Instant exportedAt, Map<String, String> filters, ChainHead head,
                         String language) {
        public Export {
            if (!LANGUAGES.contains(language)) {
                throw new IllegalArgumentException("language must be one of " + LANGUAGES + ", not " + language);
            }
        }
    }

    /** What was written. */
    public record Summary(long events, int requests, Verification verification) {
    }

    private final SXSSFWorkbook workbook;
    private final ResourceBundle texts;
    private final CellStyle header;
    private final CellStyle dateTime;
    /** Each request the events name, with its review decisions (each once: a review repeated after changes is one line). */
    private final Map<Long, Set<String>> reviewers = new TreeMap<>();

    private AuditWorkbook(SXSSFWorkbook workbook, String language) {
        this.workbook = workbook;
        // Exactly that language's bundle, whatever the server's default locale.
        this.texts = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language), AuditWorkbook.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        dateTime = workbook.createCellStyle();
        dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss.000"));
    }

    /**
     * Writes the workbook to {@code out}.
     *
     * @param events       the events to list, in sequence order
     * @param requests     looks up the requests the events name (called once, after the events)
     * @param verification the chain verification, asked for after the last event was read
     */
    public static Summary write(OutputStream out, Iterator<AuditEntry> events,
                                Function<Collection<Long>, Map<Long, RequestInfo>> requests, Export export,
                                Supplier<Verification> verification) throws IOException {
        var workbook = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            return new AuditWorkbook(workbook, export.language()).writeTo(out, events, requests, export, verification);
        } finally {
            workbook.dispose();
            workbook.close();
        }
    }

    /**
     * The text as a spreadsheet shows it but never evaluates: a leading {@code =}, {@code +},
     * {@code -}, {@code @}, tab or carriage return (what spreadsheets take as the start of a formula)
     * gets a {@code '} in front. Over-long text is cut to what a cell holds.
     */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        String safe = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
        return safe.length() > MAX_TEXT ? safe.substring(0, MAX_TEXT) : safe;
    }

    private Summary writeTo(OutputStream out, Iterator<AuditEntry> events,
                            Function<Collection<Long>, Map<Long, RequestInfo>> requests, Export export,
                            Supplier<Verification> verification) throws IOException {
        SXSSFSheet eventSheet = workbook.createSheet(EVENTS);
        SXSSFSheet requestSheet = workbook.createSheet(REQUESTS);
        SXSSFSheet exportSheet = workbook.createSheet(EXPORT);
        start(eventSheet, "events", EVENT_HEADERS, EVENT_WIDTHS);
        start(requestSheet, "requests", REQUEST_HEADERS, REQUEST_WIDTHS);
        printSetup(exportSheet);

        long count = 0;
        int sheets = 1;
        int rowNum = 0;
        while (events.hasNext()) {
            if (rowNum == EVENTS_PER_SHEET) {
                finish(eventSheet, rowNum, EVENT_HEADERS.length);
                sheets++;
                eventSheet = workbook.createSheet(EVENTS + " " + sheets);
                workbook.setSheetOrder(eventSheet.getSheetName(), sheets - 1);
                start(eventSheet, "events", EVENT_HEADERS, EVENT_WIDTHS);
                rowNum = 0;
            }
            AuditEntry e = events.next();
            eventRow(eventSheet.createRow(++rowNum), e);
            note(e);
            count++;
        }
        finish(eventSheet, rowNum, EVENT_HEADERS.length);

        Map<Long, RequestInfo> found = reviewers.isEmpty() ? Map.of() : requests.apply(reviewers.keySet());
        int r = 0;
        for (Map.Entry<Long, Set<String>> request : reviewers.entrySet()) {
            requestRow(requestSheet.createRow(++r), request.getKey(), found.get(request.getKey()), request.getValue());
        }
        finish(requestSheet, r, REQUEST_HEADERS.length);

        Verification checked = verification.get();
        exportSheet(exportSheet, export, count, r, checked);
        workbook.write(out);
        return new Summary(count, r, checked);
    }

    private void start(SXSSFSheet sheet, String table, String[] headers, int[] widths) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < headers.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(text("audit.xlsx." + table + "." + headers[i]));
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(0, 1);
        printSetup(sheet);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    /** Landscape, as many pages down as it takes but one page across (fit height 0: no limit). */
    private static void printSetup(Sheet sheet) {
        sheet.setFitToPage(true);
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
    }

    private String text(String key) {
        return texts.getString(key);
    }

    private static void finish(Sheet sheet, int lastRow, int columns) {
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(lastRow, 1), 0, columns - 1));
    }

    private void eventRow(Row row, AuditEntry e) {
        row.createCell(0).setCellValue(e.seq());
        time(row.createCell(1), e.occurredAt());
        text(row, 2, e.actor());
        text(row, 3, e.action());
        if (e.requestId() != null) {
            row.createCell(4).setCellValue(e.requestId());
        }
        text(row, 5, e.taskId());
        text(row, 6, e.businessUnit());
        text(row, 7, e.details());
        text(row, 8, e.hash());
    }

    /** Remembers the request an event names, and who decided a review of it and how. */
    private void note(AuditEntry e) {
        if (e.requestId() == null) {
            return;
        }
        Set<String> decided = reviewers.computeIfAbsent(e.requestId(), id -> new LinkedHashSet<>());
        if (AuditAction.REVIEW_DECIDED.name().equals(e.action())) {
            decided.add(e.actor() + ": " + decision(e.details()));
        }
    }

    /** {@code privacyReview=APPROVE; comment=…} → {@code privacyReview=APPROVE}: the comment is free text. */
    private static String decision(String details) {
        if (details == null) {
            return "";
        }
        int comment = details.indexOf(COMMENT);
        return comment < 0 ? details : details.substring(0, comment);
    }

    private void requestRow(Row row, long id, RequestInfo request, Set<String> decided) {
        row.createCell(0).setCellValue(id);
        if (request != null) {
            text(row, 1, request.title());
            text(row, 2, request.businessUnit());
            text(row, 3, request.dataset());
            text(row, 4, request.requester());
            text(row, 5, request.status());
            text(row, 7, String.join(", ", request.masking()));
        } else {
            text(row, 1, text("audit.xlsx.requests.gone"));
        }
        text(row, 6, String.join("; ", decided));
    }

    private void exportSheet(SXSSFSheet sheet, Export export, long events, int requests, Verification verification) {
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 90 * 256);
        int r = 0;
        Row title = sheet.createRow(r++);
        text(title, 0, text("audit.xlsx.export.title"));
        title.getCell(0).setCellStyle(header);
        keyValue(sheet.createRow(r++), text("audit.xlsx.export.exportedBy"), export.exporter());
        Row at = sheet.createRow(r++);
        text(at, 0, text("audit.xlsx.export.exportedAt"));
        time(at.createCell(1), export.exportedAt());
        if (export.filters().isEmpty()) {
            keyValue(sheet.createRow(r++), text("audit.xlsx.export.filters"), text("audit.xlsx.export.noFilters"));
        }
        for (Map.Entry<String, String> filter : export.filters().entrySet()) {
            keyValue(sheet.createRow(r++), text("audit.xlsx.export.filter") + " " + filter.getKey(), filter.getValue());
        }
        Row eventCount = sheet.createRow(r++);
        text(eventCount, 0, text("audit.xlsx.export.events"));
        eventCount.createCell(1).setCellValue(events);
        Row requestCount = sheet.createRow(r++);
        text(requestCount, 0, text("audit.xlsx.export.requests"));
        requestCount.createCell(1).setCellValue(requests);
        keyValue(sheet.createRow(r++), text("audit.xlsx.export.verification"), verification.describe());
        keyValue(sheet.createRow(r), text("audit.xlsx.export.head"), "event " + export.head().lastSeq() + ", hash "
                + export.head().lastHash());
    }

    private void keyValue(Row row, String key, String value) {
        text(row, 0, key);
        text(row, 1, value);
    }

    private void time(Cell cell, Instant at) {
        if (at != null) {
            cell.setCellValue(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
            cell.setCellStyle(dateTime);
        }
    }

    private static void text(Row row, int column, String value) {
        if (value != null) {
            row.createCell(column).setCellValue(neutralise(value));
        }
    }
}
