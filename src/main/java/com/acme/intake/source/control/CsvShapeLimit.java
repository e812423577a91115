package com.acme.intake.source.control;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Follows the CSV structure (RFC 4180 quoting, as Commons CSV reads it) as characters pass and
 * refuses a field longer than {@link FileLimits#fieldChars()} or a record of more than
 * {@link FileLimits#columns()} fields the moment the bound is passed. Commons CSV would otherwise
 * gather a field of millions of digits, or a header of millions of commas, whole before anything
 * could look at it.
 *
 * <p>The same check runs on the raw bytes while an upload arrives ({@link #bytes}), so a hostile
 * file is refused before it is stored: comma, quote and line breaks are single bytes below 0x40 in
 * UTF-8 and in Shift_JIS alike (no byte of a multi-byte character is one of them), and a field of
 * more than four bytes a character allowed is longer than the limit in any of both.
 */
final class CsvShapeLimit {

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    /** A UTF-8 character has at most four bytes. */
    private static final int BYTES_PER_CHAR = 4;

    private final FileLimits limits;
    private final long longestField;
    private State state = State.FIELD_START;
    private int fields = 1;
    private long length;
    private long line = 1;

    private CsvShapeLimit(FileLimits limits, long longestField) {
        this.limits = limits;
        this.longestField = longestField;
    }

    /** The characters of a decoded CSV file, checked as they are read. */
    static Reader chars(Reader in, FileLimits limits) {
        CsvShapeLimit shape = new CsvShapeLimit(limits, limits.fieldChars());
        return new FilterReader(in) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    shape.see(c);
                }
                return c;
            }

            @Override
            public int read(char[] buffer, int offset, int count) throws IOException {
                int n = super.read(buffer, offset, count);
                for (int i = offset; i < offset + n; i++) {
                    shape.see(buffer[i]);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                throw new IOException("skipping is not supported");
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /** The bytes of a CSV file as they arrive, before its character set is known. */
    static InputStream bytes(InputStream in, FileLimits limits) {
        CsvShapeLimit shape = new CsvShapeLimit(limits, (long) limits.fieldChars() * BYTES_PER_CHAR);
        return new WatchedInputStream(in, shape::see);
    }

    private void see(int c) {
        if (c == '\n') {
            line++;
        }
        switch (state) {
            case FIELD_START -> {
                if (c == '"') {
                    state = State.QUOTED;
                } else if (!separator(c)) {
                    state = State.UNQUOTED;
                    grow();
                }
            }
            case UNQUOTED -> {
                if (!separator(c)) {
                    grow();
                }
            }
            case QUOTED -> {
                if (c == '"') {
                    state = State.QUOTE_IN_QUOTED;
                } else {
                    grow();
                }
            }
            case QUOTE_IN_QUOTED -> {
                // "" is a quote inside the field; anything else ends the quoted part.
                if (c == '"') {
                    state = State.QUOTED;
                    grow();
                } else if (!separator(c)) {
                    state = State.UNQUOTED;
                    grow();
                }
            }
        }
    }

    /** A comma or line break outside quotes: the field (and at a line break the record) ends. */
    private boolean separator(int c) {
        if (c == ',') {
            state = State.FIELD_START;
            length = 0;
            if (++fields > limits.columns()) {
                throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                        "line " + line + " of the CSV file has more than " + limits.columns() + " fields");
            }
            return true;
        }
        if (c == '\n' || c == '\r') {
            state = State.FIELD_START;
            length = 0;
            fields = 1;
            return true;
        }
        return false;
    }

    private void grow() {
        if (++length > longestField) {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                    "line " + line + " of the CSV file has a field longer than " + limits.fieldChars() + " characters");
        }
    }
}
