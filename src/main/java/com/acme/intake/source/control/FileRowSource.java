package com.acme.intake.source.control;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.UploadColumn;

/**
 * An uploaded CSV or XLSX file as rows. Every reading is a fresh pass over the stored bytes, so
 * neither the file nor its rows are ever held in memory. Column types are inferred from the first
 * {@value #SAMPLE_ROWS} rows; a later value that does not fit the wanted type stops the cursor
 * with the row number (never the value). Every file column is nullable: a file has no constraints.
 */
final class FileRowSource implements RowSource {

    static final int SAMPLE_ROWS = 1000;

    /** The columns and the number of data rows of a whole file. */
    record Analysis(List<UploadColumn> columns, long rowCount) {
    }

    private final String label;
    private final FileFormat format;
    private final Charset charset;
    private final Content content;

    /**
     * @param label how messages name the file, such as {@code upload 3f2…}
     * @param charset of a CSV file (see {@link Utf8Detector}); ignored for XLSX
     */
    FileRowSource(String label, FileFormat format, Charset charset, Content content) {
        this.label = label;
        this.format = format;
        this.charset = charset;
        this.content = content;
    }

    @Override
    public List<SourceColumn> columns() {
        return describe(false).columns().stream().map(c -> new SourceColumn(c.name(), c.type(), true)).toList();
    }

    /** The columns, from a sample of rows. */
    List<UploadColumn> uploadColumns() {
        return describe(false).columns();
    }

    /** The columns and, reading the file to its end, the row count. */
    Analysis analyse() {
        return describe(true);
    }

    private Analysis describe(boolean countAll) {
        try (TableReader reader = reader()) {
            List<String> headers = reader.headers();
            checkHeader(headers);
            List<TypeInference> inferences = new ArrayList<>();
            headers.forEach(h -> inferences.add(new TypeInference()));
            long rows = 0;
            while ((countAll || rows < SAMPLE_ROWS) && reader.next()) {
                if (rows < SAMPLE_ROWS) {
                    for (int i = 0; i < headers.size(); i++) {
                        inferences.get(i).accept(reader.value(i));
                    }
                }
                rows++;
            }
            List<String> names = HeaderNames.normalise(headers);
            List<UploadColumn> columns = new ArrayList<>(headers.size());
            for (int i = 0; i < headers.size(); i++) {
                columns.add(new UploadColumn(names.get(i), headers.get(i), inferences.get(i).type()));
            }
            return new Analysis(List.copyOf(columns), rows);
        }
    }

    private static void checkHeader(List<String> headers) {
        int longest = FileLimits.DEFAULT.headerChars();
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i) != null && headers.get(i).length() > longest) {
                throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                        "the header of column " + (i + 1) + " is longer than " + longest + " characters");
            }
        }
        HeaderNames.dataInsteadOfNames(headers).ifPresent(reason -> {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, reason);
        });
    }

    @Override
    public RowCursor open(List<SourceColumn> wanted) {
        List<UploadColumn> columns = uploadColumns();
        int[] positions = new int[wanted.size()];
        ColumnType[] types = new ColumnType[wanted.size()];
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (int w = 0; w < wanted.size(); w++) {
            SourceColumn want = wanted.get(w);
            types[w] = want.type();
            positions[w] = indexOf(columns, want.name());
            if (positions[w] < 0) {
                missing.add(want.name());
            } else if (!Values.convertible(columns.get(positions[w]).type(), want.type())) {
                changed.add(want.name() + " (wanted " + want.type() + ", the file has "
                        + columns.get(positions[w]).type() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new SourceProblem(SourceProblem.Kind.MISSING_COLUMN,
                    label + " has no column " + String.join(", ", missing));
        }
        if (!changed.isEmpty()) {
            throw new SourceProblem(SourceProblem.Kind.TYPE_CHANGED,
                    label + ": column types cannot be converted: " + String.join("; ", changed));
        }
        return new Cursor(reader(), positions, types, wanted);
    }

    private static int indexOf(List<UploadColumn> columns, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private TableReader reader() {
        if (format == FileFormat.XLSX) {
            return new XlsxTableReader(content);
        }
        InputStream in = content.open();
        try {
            return new CsvTableReader(in, charset);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (java.io.IOException ignored) {
            // Already failing with a clearer problem.
        }
    }

    private final class Cursor implements RowCursor {

        private final TableReader reader;
        private final int[] positions;
        private final ColumnType[] types;
        private final List<SourceColumn> wanted;

        Cursor(TableReader reader, int[] positions, ColumnType[] types, List<SourceColumn> wanted) {
            this.reader = reader;
            this.positions = positions;
            this.types = types;
            this.wanted = wanted;
        }

        @Override
        public boolean next() {
            return reader.next();
        }

        @Override
        public Object get(int index) {
            try {
                return Values.convert(reader.value(positions[index]), types[index]);
            } catch (Values.Unconvertible e) {
                throw new SourceProblem(SourceProblem.Kind.TYPE_CHANGED, label + ", row " + reader.rowNumber()
                        + ": a value of column " + wanted.get(index).name() + " cannot be read as " + types[index]);
            }
        }

        @Override
        public void close() {
            reader.close();
        }
    }
}
