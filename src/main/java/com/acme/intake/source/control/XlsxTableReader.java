package com.acme.intake.source.control;

import java.io.ByteArrayInputStream;
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
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

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
 *
 * <p>Every part is bounded before it is parsed ({@link FileLimits}): the zip by POI's
 * {@link ZipSecureFile} (inflate ratio, entry size), each XML text node and tag by
 * {@link XmlRunLimit}, the shared strings by {@link SharedStrings}, the header at
 * {@link FileLimits#columns()} while it is read, so a one-kilobyte file naming cell
 * {@code ZZZZZZ1} is refused instead of growing a row to millions of cells.
 */
final class XlsxTableReader implements TableReader {

    private static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** The last column a workbook can have (XFD). */
    static final int MAX_SHEET_COLUMNS = 16_384;
    /** Largest part after inflating; the sheet is streamed, the other parts are bounded further. */
    static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;
    static final String EXPANDS_TOO_FAR = "the workbook expands more than 100 times its size or beyond "
            + MAX_ENTRY_BYTES / (1024 * 1024) + " MiB a part";

    static {
        // POI's zip-bomb guards are JVM-wide: its default inflate ratio made explicit (a file expanding
        // more than 100 times is refused), an entry size far below the default 4 GiB, and a text size
        // (POI's extractors) no larger than the shared strings allowed here.
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(FileLimits.DEFAULT.sharedStringChars());
    }

    private final FileLimits limits;
    private final Path file;
    private final OPCPackage pkg;
    private final SharedStrings sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private final List<String> headers;
    private Object[] current;
    private long rowNumber;

    XlsxTableReader(Content content) {
        this(content, FileLimits.DEFAULT);
    }

    XlsxTableReader(Content content, FileLimits limits) {
        this.limits = limits;
        Path copy = null;
        OPCPackage opened = null;
        InputStream sheetData = null;
        boolean ready = false;
        try {
            copy = Files.createTempFile("intake-upload-", ".xlsx");
            try (InputStream in = content.open()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            opened = OPCPackage.open(copy.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            this.sharedStrings = sharedStrings(opened, limits);
            this.styles = styles(opened, limits);
            this.date1904 = date1904(reader, limits);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw unreadable("the workbook has no sheet");
            }
            sheetData = XmlRunLimit.of(sheets.next(), limits.xmlRunBytes());
            this.sheet = sheetData;
            this.xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
            this.file = copy;
            this.pkg = opened;
            Object[] first = readRow(limits.columns(), true);
            if (first == null) {
                throw unreadable("the first sheet is empty; a header row is required");
            }
            this.headers = headerTexts(first);
            ready = true;
        } catch (IOException | OpenXML4JException | XMLStreamException | POIXMLException
                | OpenXML4JRuntimeException | IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw unreadable(expandsTooFar(e) ? EXPANDS_TOO_FAR : "the file is not a readable .xlsx workbook");
        } finally {
            // Whatever went wrong, an Error included, the copy of the upload does not stay behind.
            if (!ready) {
                closeQuietly(sheetData);
                discard(opened, copy);
            }
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean next() {
        try {
            current = readRow(headers.size(), false);
            return current != null;
        } catch (XMLStreamException | IllegalArgumentException | IndexOutOfBoundsException | DateTimeException e) {
            throw expandsTooFar(e) ? unreadable(EXPANDS_TOO_FAR)
                    : unreadable("the first sheet of the workbook is malformed after row " + rowNumber);
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

    /**
     * The next row with at least one value within {@code width} columns, or null at the sheet's end.
     * For the header ({@code refuseWider}) a value beyond {@code width} refuses the file.
     */
    private Object[] readRow(int width, boolean refuseWider) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && isMain("row")) {
                String r = xml.getAttributeValue(null, "r");
                rowNumber = r == null ? rowNumber + 1 : Long.parseLong(r);
                Object[] row = cells(width, refuseWider);
                if (row.length > 0) {
                    return row;
                }
            }
        }
        return null;
    }

    /** The cells of the current {@code <row>}, up to the last one with a value. */
    private Object[] cells(int width, boolean refuseWider) throws XMLStreamException {
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
                if (refuseWider && column >= width && value != null) {
                    throw unreadable("the header row has more than " + width + " columns");
                }
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
        return refuseWider || row.length == width ? row : Arrays.copyOf(row, width);
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
                    raw = bounded(xml.getElementText());
                } else if (name.equals("t") && phonetic == 0) {
                    inline = (inline == null ? new StringBuilder() : inline).append(xml.getElementText());
                    bounded(inline);
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
            case "s" -> raw == null ? null : sharedStrings.get(Integer.parseInt(raw.trim()));
            case "str" -> raw;
            case "b" -> raw == null ? null : Boolean.valueOf(raw.trim().equals("1"));
            case "e" -> null;
            case "d" -> raw == null ? null : Values.parseTimestamp(raw.trim().replaceAll("(Z|[+-]\\d\\d:\\d\\d)$", ""));
            default -> raw == null || raw.isBlank() ? null : number(raw.trim(), style);
        };
    }

    private <T extends CharSequence> T bounded(T text) {
        if (text.length() > limits.fieldChars()) {
            throw unreadable("a cell in row " + rowNumber + " is longer than " + limits.fieldChars() + " characters");
        }
        return text;
    }

    private Object number(String raw, String style) {
        if (raw.length() > limits.numberChars()) {
            // Excel writes a double in at most some 25 characters; longer is no number it wrote.
            throw unreadable("a number in row " + rowNumber + " is longer than " + limits.numberChars() + " characters");
        }
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

    /** {@code "BC12"} → 54 (zero-based); a column beyond XFD, the last a workbook has, is refused. */
    static int columnIndex(String cellRef) {
        int index = 0;
        for (int i = 0; i < cellRef.length() && Character.isLetter(cellRef.charAt(i)); i++) {
            index = index * 26 + (Character.toUpperCase(cellRef.charAt(i)) - 'A' + 1);
            if (index > MAX_SHEET_COLUMNS) {
                throw unreadable("the workbook refers to a cell beyond column XFD, the last a sheet has");
            }
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

    private static SharedStrings sharedStrings(OPCPackage pkg, FileLimits limits)
            throws IOException, OpenXML4JException, XMLStreamException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
        if (parts.isEmpty()) {
            return SharedStrings.none();
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            return SharedStrings.read(in, limits);
        }
    }

    /** POI builds the styles as a tree; only a part within {@link FileLimits#stylesBytes()} is given to it. */
    private static StylesTable styles(OPCPackage pkg, FileLimits limits) throws IOException, OpenXML4JException {
        List<PackagePart> parts = pkg.getPartsByContentType(XSSFRelation.STYLES.getContentType());
        if (parts.isEmpty()) {
            return null;
        }
        try (InputStream in = parts.get(0).getInputStream()) {
            byte[] bytes = in.readNBytes(limits.stylesBytes() + 1);
            if (bytes.length > limits.stylesBytes()) {
                throw unreadable("the styles of the workbook are larger than " + limits.stylesBytes() + " bytes");
            }
            return new StylesTable(new ByteArrayInputStream(bytes));
        }
    }

    /** Workbooks made with the 1904 date system (old Mac Excel) count days from 1904. */
    private static boolean date1904(XSSFReader reader, FileLimits limits)
            throws IOException, OpenXML4JException, XMLStreamException {
        try (InputStream workbook = XmlRunLimit.of(reader.getWorkbookData(), limits.xmlRunBytes())) {
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

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException | RuntimeException ignored) {
                // The file is discarded next; a failure to close is no news.
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

    /** POI's zip-bomb guard fails the stream with this text, wrapped by the XML parser or POI. */
    private static boolean expandsTooFar(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
                return true;
            }
        }
        return false;
    }

    private static SourceProblem unreadable(String message) {
        return new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, message);
    }
}
