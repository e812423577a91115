package com.acme.intake.source.control;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Follows the CSV structure (RFC 4180 quoting, as Commons CSV reads it) as characters pass and
 * refuses a field longer than {@link FileLimits#fieldChars()} or a record of more than
 * {@link FileLimits#columns()} fields the moment the bound is passed. Commons CSV would otherwise
 * gather a field of millions of digits, or a header of millions of commas, whole before anything
 * could look at it.
 */
final class CsvShapeLimit extends FilterReader {

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final FileLimits limits;
    private State state = State.FIELD_START;
    private int fields = 1;
    private int length;
    private long line = 1;

    CsvShapeLimit(Reader in, FileLimits limits) {
        super(in);
        this.limits = limits;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            see((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        int n = super.read(buffer, offset, count);
        for (int i = offset; i < offset + n; i++) {
            see(buffer[i]);
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

    private void see(char c) {
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
    private boolean separator(char c) {
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
        if (++length > limits.fieldChars()) {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                    "line " + line + " of the CSV file has a field longer than " + limits.fieldChars() + " characters");
        }
    }
}
