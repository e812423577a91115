package com.acme.intake.source.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.acme.intake.source.entity.SourceProblem;

/**
 * Passes at most {@code limit} bytes through and fails with {@link SourceProblem.Kind#TOO_LARGE} as
 * soon as one more arrives, so an oversized upload is refused without being read to its end.
 */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, (int) allowed(length));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(allowed(n));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** At most one byte beyond the limit is asked for: enough to notice the excess, no more. */
    private long allowed(long wanted) {
        long room = limit - count;
        return room >= wanted ? wanted : room + 1;
    }

    long count() {
        return count;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }

    static SourceProblem tooLarge(long limit) {
        return new SourceProblem(SourceProblem.Kind.TOO_LARGE,
                "the file is larger than the limit of " + limit + " bytes (intake.uploads.max-bytes)");
    }
}
