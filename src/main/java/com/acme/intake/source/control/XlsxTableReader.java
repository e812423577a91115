package com.acme.intake.source.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.SAXException;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Streams the first sheet of an .xlsx workbook without building it in memory: POI's
 * {@link XSSFReader} gives the parts, and the sheet XML is read with a StAX pull parser so that
 * {@link #next()} hands out one row at a time without a second thread (POI's SAX
 * {@code XSSFSheetXMLHandler} pushes rows, and formats dates to text). Only the shared strings and
 * styles are held, as in every streaming reader.
 *
 * <p>The upload is first copied to a temporary file because a zip read from a stream is expanded
 * into memory whole, while a file is read entry by entry. The first row with a value is the header;
 * rows without any value are skipped; cells right of the last header cell are ignored. Phonetic
 * guides (furigana) are not part of a cell's text.
 */
final class XlsxTableReader implements TableReader {

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private final Path file;
    private final OPCPackage pkg;
    private final ReadOnlySharedStringsTable sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<String> headers;
    private Object[] current;
    private long rowNumber;

    XlsxTableReader(Content content) {
        Path copy = null;
        OPCPackage opened = null;
        try {
            copy = Files.createTempFile("intake-upload-", ".xlsx");
            try (InputStream in = content.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            opened = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            this.sharedStrings = new ReadOnlySharedStringsTable(opened, false);
            this.styles = reader.getStylesTable();
            this.date1904 = date1904(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw unreadable("the workbook has no sheet");
            }
            this.sheet = sheets.next();
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
            this.file = copy;
            this.pkg = opened;
            Object[] first = readRow(Integer.MAX_VALUE);
            if (first == null) {
                throw unreadable("the first sheet is empty; a header row is required");
            }
            this.headers = headerTexts(first);
        } catch (SourceProblem e) {
            discard(opened, copy);
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | POIXMLException
                | OpenXML4JRuntimeException | IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            discard(opened, copy);
            throw unreadable("the file is not a readable .xlsx workbook");
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean next() {
        try {
            current = readRow(headers.size());
            return current != null;
        } catch (XMLStreamException | IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw unreadable("the first sheet of the workbook is malformed after row " + rowNumber);
        }
    }

    @Override
    public Object value(int index) {
        return current[index];
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheet.close();
        } catch (XMLStreamException | IOException e) {
            throw new UncheckedIOException(new IOException("closing the sheet failed", e));
        } finally {
            discard(pkg, file);
        }
    }

    /** The next row with at least one value within {@code width} columns, or null at the sheet's end. */
    private Object[] readRow(int width) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && isMain("row")) {
                String r = xml.getAttributeValue(null, "r");
                rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                Object[] row = cells(width);
                if (row.length > 0) {
                    return row;
                }
            }
        }
        return null;
    }

    /** The cells of the current {@code <row>}, up to the last one with a value. */
    private Object[] cells(int width) throws XMLStreamException {
        List<Object> values = new ArrayList<>();
        int nextColumn = 0;
        int last = -1;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && isMain("row")) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && isMain("c")) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? nextColumn : columnIndex(ref);
                nextColumn = column + 1;
                Object value = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                if (column < width && value != null) {
                    while (values.size() <= column) {
                        values.add(null);
                    }
                    values.set(column, value);
                    last = Math.max(last, column);
                }
            }
        }
        Object[] row = values.subList(0, last + 1).toArray();
        return width == Integer.MAX_VALUE || row.length == width ? row : Arrays.copyOf(row, width);
    }

    /** Reads one {@code <c>} element to its end and returns its value. */
    private Object cell(String type, String style) throws XMLStreamException {
        String raw = null;
        StringBuilder inline = null;
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic++;
                } else if (name.equals("v")) {
                    raw = xml.getElementText();
                } else if (name.equals("t") && phonetic == 0) {
                    inline = (inline == null ? new StringBuilder() : inline).append(xml.getElementText());
                } else if (name.equals("t")) {
                    xml.getElementText();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("rPh")) {
                    phonetic--;
                } else if (name.equals("c")) {
                    break;
                }
            }
        }
        String t = type == null ? "n" : type;
        return switch (t) {
            case "inlineStr" -> inline == null ? null : inline.toString();
            case "s" -> raw == null ? null : sharedStrings.getItemAt(Integer.parseInt(raw.trim())).getString();
            case "str" -> raw;
            case "b" -> raw == null ? null : Boolean.valueOf(raw.trim().equals("1"));
            case "e" -> null;
            case "d" -> raw == null ? null : Values.parseTimestamp(raw.trim().replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", ""));
            default -> raw == null || raw.isBlank() ? null : number(raw.trim(), style);
        };
    }

    private Object number(String raw, String style) {
        BigDecimal number = new BigDecimal(raw);
        if (style != null && isDateStyle(Integer.parseInt(style))) {
            LocalDateTime time = DateUtil.getLocalDateTime(number.doubleValue(), date1904, true);
            return time == null ? number : time;
        }
        return number;
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            short format = style.getDataFormat();
            String pattern = style.getDataFormatString();
            if (pattern == null) {
                pattern = BuiltinFormats.getBuiltinFormat(format);
            }
            return pattern != null && DateUtil.isADateFormat(format, pattern);
        });
    }

    private boolean isMain(String localName) {
        return localName.equals(xml.getLocalName()) && MAIN_NS.equals(xml.getNamespaceURI());
    }

    /** {@code "BC12"} → 54 (zero-based). */
    static int columnIndex(String cellRef) {
        int index = 0;
        for (int i = 0; i < cellRef.length() && Character.isLetter(cellRef.charAt(i)); i++) {
            index = index * 26 + (Character.toUpperCase(cellRef.charAt(i)) - 'A' + 1);
        }
        if (index == 0) {
            throw new IllegalArgumentException("cell reference without a column");
        }
        return index - 1;
    }

    private static List<String> headerTexts(Object[] row) {
        List<String> texts = new ArrayList<>(row.length);
        for (Object value : row) {
            texts.add(value == null ? "" : value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString()
                    : value.toString());
        }
        return List.copyOf(texts);
    }

    /** Workbooks made with the 1904 date system (old Mac Excel) count days from 1904. */
    private static boolean date1904(XSSFReader reader) throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLStreamReader wb = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
            try {
                while (wb.hasNext()) {
                    if (wb.next() == XMLStreamConstants.START_ELEMENT && wb.getLocalName().equals("workbookPr")) {
                        String value = wb.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equals(value);
                    }
                }
                return false;
            } finally {
                wb.close();
            }
        }
    }

    private static void discard(OPCPackage pkg, Path file) {
        if (pkg != null) {
            pkg.revert();
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static SourceProblem unreadable(String message) {
        return new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, message);
    }
}
