package com.acme.intake.source.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Fails an XML stream as soon as more than {@code limit} bytes come without a {@code <} or
 * {@code >}, that is, one text node or one tag longer than the limit. A StAX parser gathers a
 * text node or an attribute whole before it hands it out, so this bounds its memory before it
 * parses, whatever the document; the cell and field limits then apply to what it gives.
 */
final class XmlRunLimit extends FilterInputStream {

    private final int limit;
    private int run;

    XmlRunLimit(InputStream in, int limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
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

    private void see(byte b) {
        if (b == '<' || b == '>') {
            run = 0;
        } else if (++run > limit) {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                    "the workbook holds a text or tag longer than " + limit + " bytes");
        }
    }
}
