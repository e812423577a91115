package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.acme.intake.source.entity.SourceProblem;

class LimitedInputStreamTest {

    @Test
    void aBodyOfExactlyTheLimitPasses() throws IOException {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[100]), 100);

        assertThat(in.readAllBytes()).hasSize(100);
        assertThat(in.count()).isEqualTo(100);
    }

    @Test
    void oneByteMoreFailsWithoutReadingFurther() {
        // given a source that counts what is taken from it
        AtomicLong taken = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                taken.incrementAndGet();
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                taken.addAndGet(len);
                return len;
            }
        };

        // when / then
        assertThatThrownBy(() -> new LimitedInputStream(endless, 1000).readAllBytes())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.TOO_LARGE));
        assertThat(taken.get()).isEqualTo(1001);
    }

    @Test
    void anUnboundedLimitDoesNotOverflow() throws IOException {
        assertThat(new LimitedInputStream(new ByteArrayInputStream(new byte[10]), Long.MAX_VALUE).readAllBytes()).hasSize(10);
    }

    @Test
    void singleByteReadsAreCountedToo() throws IOException {
        LimitedInputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);

        in.read();
        in.read();
        assertThatThrownBy(in::read).isInstanceOf(SourceProblem.class);
    }
}
