package com.acme.intake.source.control;

import java.io.InputStream;
import java.util.function.IntConsumer;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Fails an XML stream as soon as more than {@code limit} bytes come without a {@code <} or
 * {@code >}, that is, one text node or one tag longer than the limit. A StAX parser gathers a
 * text node or an attribute whole before it hands it out, so this bounds its memory before it
 * parses, whatever the document; the cell and field limits then apply to what it gives.
 */
final class XmlRunLimit implements IntConsumer {

    private final int limit;
    private int run;

    private XmlRunLimit(int limit) {
        this.limit = limit;
    }

    static InputStream of(InputStream in, int limit) {
        return new WatchedInputStream(in, new XmlRunLimit(limit));
    }

    @Override
    public void accept(int b) {
        if (b == '<' || b == '>') {
            run = 0;
        } else if (++run > limit) {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                    "the workbook holds a text or tag longer than " + limit + " bytes");
        }
    }
}
