package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.UploadColumn;

/**
 * Files built to exhaust a node are refused within the bounds of {@link FileLimits}, quickly, with
 * little memory and without leaving the temporary copy of a workbook behind. The time bound is the
 * issue's "about a second", made generous for a loaded two-core machine.
 */
class HostileFilesTest {

    private static final long GENEROUS_MILLIS = 10_000;
    private static final long FLAT_HEAP_BYTES = 64L * 1024 * 1024;

    @Test
    void aWorkbookCellFarToTheRightIsRefusedWhileTheHeaderIsRead() throws Exception {
        // given a 1.5 KB workbook whose header has A1 and ZZZZZZ1
        byte[] file = HostileFiles.xlsxWithFarRightCell();
        assertThat(file.length).isLessThan(2048);

        // when / then: refused quickly, with flat heap, and no copy of the upload stays in the temp dir
        Measured measured = refused(() -> xlsx(file).analyse(), "beyond column XFD");
        System.out.printf("ZZZZZZ1 workbook: refused in %d ms, heap grew %d KiB%n", measured.millis(), measured.heapGrowth() / 1024);
        assertThat(measured.millis()).isLessThan(GENEROUS_MILLIS);
        assertThat(measured.heapGrowth()).isLessThan(FLAT_HEAP_BYTES);
        assertThat(measured.leftTempFiles()).isEmpty();
    }

    @Test
    void aHeaderWiderThanARequestIsRefusedAtTheFirstCellBeyond() {
        assertThat(xlsx(HostileFiles.xlsxWithColumns(500)).uploadColumns()).hasSize(500);
        assertThatThrownBy(() -> xlsx(HostileFiles.xlsxWithColumns(501)).uploadColumns())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE))
                .hasMessage("the header row has more than 500 columns");
    }

    @Test
    void theSharedStringsAreBoundedByCountAndByTotalSize() {
        FileLimits tenStrings = new FileLimits(500, 65_536, 1000, 100, 10, 1_000_000, 1 << 20, 1 << 20);
        FileLimits hundredChars = new FileLimits(500, 65_536, 1000, 100, 1000, 100, 1 << 20, 1 << 20);

        assertThat(new XlsxTableReaderProbe(HostileFiles.xlsxWithSharedStrings(10, 1), tenStrings).headers())
                .containsExactly("x0");
        assertThatThrownBy(() -> new XlsxTableReaderProbe(HostileFiles.xlsxWithSharedStrings(11, 1), tenStrings))
                .isInstanceOf(SourceProblem.class).hasMessage("the workbook has more than 10 shared strings");
        assertThatThrownBy(() -> new XlsxTableReaderProbe(HostileFiles.xlsxWithSharedStrings(20, 9), hundredChars))
                .isInstanceOf(SourceProblem.class)
                .hasMessage("the shared strings of the workbook are longer than 100 characters together");
    }

    @Test
    void aWorkbookThatInflatesBeyondTheRatioIsRefused() throws Exception {
        // given two million digits in one cell: the zip is a few kilobytes
        byte[] file = HostileFiles.xlsxWithLongCell(2_000_000);

        Measured measured = refused(() -> xlsx(file).analyse(), "the workbook expands more than 100 times its size");
        assertThat(measured.millis()).isLessThan(GENEROUS_MILLIS);
        assertThat(measured.leftTempFiles()).isEmpty();
    }

    @Test
    void longCellsAndLongNumbersOfAWorkbookAreRefusedBeforeTheyAreParsed() {
        FileLimits small = new FileLimits(500, 1_000, 1000, 100, 1000, 100_000, 500, 1 << 20);

        assertThatThrownBy(() -> new XlsxTableReaderProbe(HostileFiles.xlsxWithLongCell(1_200), small).readAll())
                .isInstanceOf(SourceProblem.class).hasMessage("the workbook holds a text or tag longer than 500 bytes");
        assertThatThrownBy(() -> new XlsxTableReaderProbe(HostileFiles.xlsxWithLongCell(300), small).readAll())
                .isInstanceOf(SourceProblem.class).hasMessage("a number in row 2 is longer than 100 characters");
    }

    @Test
    void anErrorWhileTheWorkbookIsCopiedLeavesNoTemporaryFile() throws IOException {
        // given a body that fails with an Error halfway, as an OutOfMemoryError would
        byte[] file = HostileFiles.xlsxWithColumns(3);
        Set<Path> before = tempUploads();
        Content failing = () -> new InputStream() {
            private int read;

            @Override
            public int read() {
                if (++read > file.length / 2) {
                    throw new OutOfMemoryError("simulated");
                }
                return file[read - 1] & 0xFF;
            }
        };

        // when / then
        assertThatThrownBy(() -> new FileRowSource("the file", FileFormat.XLSX, null, failing).analyse())
                .isInstanceOf(OutOfMemoryError.class);
        assertThat(newSince(before)).isEmpty();
    }

    @Test
    void aCsvFieldOfMillionsOfDigitsIsRefusedWithinTheFieldLimit() throws Exception {
        byte[] file = HostileFiles.csvWithLongNumber(20_000_000);

        Measured measured = refused(() -> csv(file).analyse(), "line 2 of the CSV file has a field longer than 65536 characters");
        System.out.printf("20 M digit CSV field: refused in %d ms, heap grew %d KiB%n", measured.millis(), measured.heapGrowth() / 1024);
        assertThat(measured.millis()).isLessThan(GENEROUS_MILLIS);
        assertThat(measured.heapGrowth()).isLessThan(FLAT_HEAP_BYTES);
    }

    @Test
    void aCsvHeaderOfMillionsOfCommasIsRefusedAtTheFirstFieldBeyond() throws Exception {
        byte[] file = HostileFiles.csvWithWideHeader(5_000_000);

        Measured measured = refused(() -> csv(file).analyse(), "line 1 of the CSV file has more than 500 fields");
        System.out.printf("5 M comma CSV header: refused in %d ms, heap grew %d KiB%n", measured.millis(), measured.heapGrowth() / 1024);
        assertThat(measured.millis()).isLessThan(GENEROUS_MILLIS);
        assertThat(measured.heapGrowth()).isLessThan(FLAT_HEAP_BYTES);
        assertThat(csv(",".repeat(499).concat("\n").getBytes(StandardCharsets.US_ASCII)).uploadColumns()).hasSize(500);
    }

    @Test
    void quotedCommasAndLineBreaksCountAsPartOfTheirField() {
        // given a quoted field holding 600 commas and a line break: one field, not 600
        String quoted = "\"" + ",".repeat(600) + "\n\"\"\"";
        byte[] file = ("id,note\n1," + quoted + "\n").getBytes(StandardCharsets.UTF_8);

        assertThat(csv(file).analyse().rowCount()).isEqualTo(1);
    }

    @Test
    void aLongDigitStringIsTextAndIsNeverParsedAsANumber() {
        // given digit strings below the field limit but far beyond any number
        StringBuilder text = new StringBuilder("id,code\n");
        String digits = "1".repeat(60_000);
        for (int i = 0; i < 100; i++) {
            text.append(i).append(',').append(digits).append('\n');
        }

        // when
        FileRowSource source = csv(text.toString().getBytes(StandardCharsets.US_ASCII));

        // then
        assertThat(source.uploadColumns()).extracting(UploadColumn::type).containsExactly(ColumnType.BIGINT, ColumnType.VARCHAR);
        assertThatThrownBy(() -> CsvFilesTest.rows(source, java.util.List.of(CsvFilesTest.col("code", ColumnType.DECIMAL))))
                .isInstanceOf(SourceProblem.class);
    }

    /** Reads a workbook with given limits through the reader itself. */
    private static final class XlsxTableReaderProbe {
        private final XlsxTableReader reader;

        XlsxTableReaderProbe(byte[] file, FileLimits limits) {
            reader = new XlsxTableReader(() -> new ByteArrayInputStream(file), limits);
        }

        java.util.List<String> headers() {
            try (reader) {
                return reader.headers();
            }
        }

        void readAll() {
            try (reader) {
                while (reader.next()) {
                    reader.value(0);
                }
            }
        }
    }

    private record Measured(long millis, long heapGrowth, Set<Path> leftTempFiles) {
    }

    private static Measured refused(Executable read, String message) throws IOException {
        Set<Path> before = tempUploads();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        long[] peak = {heapBefore};
        assertThatThrownBy(() -> {
            try {
                read.execute();
            } finally {
                peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
            }
        }).isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE))
                .hasMessageContaining(message);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.gc();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        return new Measured(millis, Math.max(0, heapAfter - heapBefore), newSince(before));
    }

    static Set<Path> tempUploads() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return new HashSet<>(files.filter(f -> f.getFileName().toString().startsWith("intake-upload-")).toList());
        }
    }

    /**
     * Copies that appeared since and are still there half a second later: other builds on this
     * machine share the temp directory, and their copies last only while they read.
     */
    static Set<Path> newSince(Set<Path> before) throws IOException {
        Set<Path> now = tempUploads();
        now.removeAll(before);
        if (!now.isEmpty()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            now.retainAll(tempUploads());
        }
        return now;
    }

    private static FileRowSource xlsx(byte[] file) {
        return new FileRowSource("the file", FileFormat.XLSX, null, () -> new ByteArrayInputStream(file));
    }

    private static FileRowSource csv(byte[] file) {
        return new FileRowSource("the file", FileFormat.CSV, StandardCharsets.UTF_8, () -> new ByteArrayInputStream(file));
    }
}
