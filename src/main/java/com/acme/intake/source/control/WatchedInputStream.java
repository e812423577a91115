package com.acme.intake.source.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.IntConsumer;

/**
 * Hands every byte that passes to a watcher, which refuses the stream by throwing. Skipping and
 * marks are not supported, so no byte passes unseen: the limits of {@link XmlRunLimit} and
 * {@link CsvShapeLimit} hold whatever the reader downstream does.
 */
final class WatchedInputStream extends FilterInputStream {

    private final IntConsumer watcher;

    WatchedInputStream(InputStream in, IntConsumer watcher) {
        super(in);
        this.watcher = watcher;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            watcher.accept(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = offset; i < offset + n; i++) {
            watcher.accept(buffer[i] & 0xFF);
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
}
