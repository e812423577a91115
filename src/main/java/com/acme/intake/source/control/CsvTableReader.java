package com.acme.intake.source.control;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Streams a CSV file (RFC 4180: comma, double quotes, fields may hold commas and line breaks) with
 * Commons CSV. The first record is the header. A UTF-8 byte order mark is skipped. Empty lines are
 * ignored; a missing trailing field reads as null, but a row with extra non-empty fields is refused
 * because it usually means broken quoting further up. Fields and records are bounded as they are
 * read ({@link CsvShapeLimit}).
 */
final class CsvTableReader implements TableReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;
    private CSVRecord current;

    CsvTableReader(InputStream in, Charset charset) {
        this(in, charset, FileLimits.DEFAULT);
    }

    CsvTableReader(InputStream in, Charset charset, FileLimits limits) {
        try {
            InputStream body = skipBom(new BufferedInputStream(in), charset);
            this.parser = CSVParser.builder().setReader(CsvShapeLimit.chars(new InputStreamReader(body, charset), limits))
                    .setFormat(FORMAT).get();
            this.records = parser.iterator();
            if (!hasNext()) {
                close();
                throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, "the CSV file is empty; a header row is required");
            }
            List<String> names = new ArrayList<>();
            records.next().forEach(names::add);
            this.headers = List.copyOf(names);
        } catch (IOException e) {
            throw unreadable("the CSV file cannot be read");
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean next() {
        if (!hasNext()) {
            current = null;
            return false;
        }
        current = records.next();
        for (int i = headers.size(); i < current.size(); i++) {
            if (!current.get(i).isEmpty()) {
                throw unreadable("record " + current.getRecordNumber() + " of the CSV file has more fields ("
                        + current.size() + ") than the header (" + headers.size() + ")");
            }
        }
        return true;
    }

    @Override
    public Object value(int index) {
        return index < current.size() ? current.get(index) : null;
    }

    @Override
    public long rowNumber() {
        return current == null ? 0 : current.getRecordNumber();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV's messages may quote the offending text, so only the position is reported.
            throw unreadable("the CSV file is malformed after record " + parser.getRecordNumber()
                    + " (an unclosed quote?)");
        }
    }

    private static InputStream skipBom(BufferedInputStream in, Charset charset) throws IOException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(3);
            byte[] head = in.readNBytes(3);
            if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
                in.reset();
            }
        }
        return in;
    }

    private static SourceProblem unreadable(String message) {
        return new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, message);
    }
}
