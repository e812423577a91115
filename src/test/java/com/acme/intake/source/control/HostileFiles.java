package com.acme.intake.source.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Small files any requester could upload that would take a node down without bounds, built byte by
 * byte (a workbook with java.util.zip, so nothing in it is tidied by POI).
 */
public final class HostileFiles {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private HostileFiles() {
    }

    /** About 1.5 KB: a header with cells A1 and ZZZZZZ1 (column 321 272 406). */
    public static byte[] xlsxWithFarRightCell() {
        return xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c>"
                + "<c r=\"ZZZZZZ1\" t=\"inlineStr\"><is><t>far</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>", null);
    }

    /** A header with values in columns A to SG (501 columns). */
    public static byte[] xlsxWithColumns(int columns) {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        for (int i = 0; i < columns; i++) {
            row.append("<c t=\"inlineStr\"><is><t>c").append(i).append("</t></is></c>");
        }
        return xlsx(row.append("</row>").toString(), null);
    }

    /** A workbook whose shared-strings table has {@code count} entries of {@code length} characters. */
    public static byte[] xlsxWithSharedStrings(int count, int length) {
        StringBuilder sst = new StringBuilder("<sst xmlns=\"" + MAIN + "\" count=\"" + count + "\" uniqueCount=\""
                + count + "\">");
        String text = "x".repeat(length);
        for (int i = 0; i < count; i++) {
            sst.append("<si><t>").append(text).append(i).append("</t></si>");
        }
        sst.append("</sst>");
        return xlsx("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", sst.toString());
    }

    /** One text node of {@code length} characters in a cell, with whatever ratio it compresses to. */
    public static byte[] xlsxWithLongCell(int length) {
        return xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>" + "9".repeat(length) + "</v></c></row>", null);
    }

    /** A CSV with a header and one data field of {@code digits} digits. */
    public static byte[] csvWithLongNumber(int digits) {
        return ("id,amount\n1," + "7".repeat(digits) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A CSV whose header is {@code commas} commas. */
    public static byte[] csvWithWideHeader(int commas) {
        return (",".repeat(commas) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A CSV without header: its first row is data. */
    public static byte[] headerlessCsv() {
        return "alice@example.com,090-1234-5678\nbob@example.com,080-2222-3333\n".getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook of the parts a reader needs: content types, relationships, workbook, one sheet. */
    static byte[] xlsx(String sheetRows, String sharedStrings) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                + "</Relationships>");
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + sheetRows + "</sheetData></worksheet>");
        if (sharedStrings != null) {
            parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + sharedStrings);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
