package com.acme.intake.source.control;

import static com.acme.intake.source.control.CsvFilesTest.col;
import static com.acme.intake.source.control.CsvFilesTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.Upload;
import com.acme.intake.source.entity.UploadColumn;

class UploadStoreTest {

    private static final Instant NOW = Instant.parse("2024-05-01T08:00:00Z");

    private JdbcDataSource dataSource;
    private UploadStore store;

    @BeforeEach
    void migrate() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:uploads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        store = new UploadStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCsvLargerThanOneChunkIsStoredInChunksAndReadBackRowByRow() throws SQLException {
        // given a Shift_JIS file of several chunks
        StringBuilder text = new StringBuilder("番号,氏名\n");
        int rows = 40_000;
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(",山田太郎").append(i).append('\n');
        }
        byte[] file = text.toString().getBytes(Charset.forName("windows-31j"));
        assertThat(file.length).isGreaterThan(2 * UploadStore.CHUNK_BYTES);

        // when
        UploadStore.Saved saved = store.save("顧客.csv", FileFormat.CSV, "text/csv", "alice", "marketing",
                new ByteArrayInputStream(file), 20L * 1024 * 1024);

        // then
        Upload upload = saved.upload();
        assertThat(upload.sizeBytes()).isEqualTo(file.length);
        assertThat(upload.rowCount()).isEqualTo(rows);
        assertThat(upload.encoding()).isEqualTo("windows-31j");
        assertThat(saved.columns()).containsExactly(new UploadColumn("column_1", "番号", ColumnType.BIGINT),
                new UploadColumn("column_2", "氏名", ColumnType.VARCHAR));
        assertThat(store.find(upload.id())).contains(upload);
        assertThat(chunkCount(upload.id())).isEqualTo((file.length + UploadStore.CHUNK_BYTES - 1) / UploadStore.CHUNK_BYTES);
        List<List<Object>> read = rows(store.rowSource(upload),
                List.of(col("column_1", ColumnType.BIGINT), col("column_2", ColumnType.VARCHAR)));
        assertThat(read).hasSize(rows);
        assertThat(read.get(rows - 1)).containsExactly((long) rows, "山田太郎" + rows);
    }

    @Test
    void theStoredBytesAreExactlyTheUploadedOnes() throws IOException {
        byte[] file = ("a,b\n" + "1,2\n".repeat(200_000)).getBytes(StandardCharsets.UTF_8);
        String id = store.save("f.csv", FileFormat.CSV, "text/csv", "alice", "marketing", new ByteArrayInputStream(file),
                Long.MAX_VALUE).upload().id();

        try (InputStream in = store.content(id).open()) {
            assertThat(in.readAllBytes()).isEqualTo(file);
        }
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsSoonAsItPassesIt() {
        // given an endless body of short records
        InputStream endless = new InputStream() {
            private long read;

            @Override
            public int read() {
                return "a,b\n".charAt((int) (read++ % 4));
            }
        };

        // when / then: reading stops once the limit is passed
        assertThatThrownBy(() -> store.save("big.csv", FileFormat.CSV, "text/csv", "alice", "marketing", endless, 1_000_000))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.TOO_LARGE))
                .hasMessage("the file is larger than the limit of 1000000 bytes (intake.uploads.max-bytes)");
    }

    @Test
    void emptyAndUnreadableFilesAreRefused() {
        assertThatThrownBy(() -> store.save("e.csv", FileFormat.CSV, "text/csv", "alice", "marketing",
                new ByteArrayInputStream(new byte[0]), 100))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE));
        assertThatThrownBy(() -> store.save("x.xlsx", FileFormat.XLSX, "application/octet-stream", "alice", "marketing",
                new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), 100))
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE));
    }

    @Test
    void anErrorWhileTheBodyArrivesLeavesNoRowBehind() throws SQLException {
        // given a body that fails with an Error after two chunks, as an OutOfMemoryError would; the
        // rows are written without a transaction here, as if the container committed after an Error
        InputStream failing = new InputStream() {
            private long read;

            @Override
            public int read() {
                if (++read > 2L * UploadStore.CHUNK_BYTES + 10) {
                    throw new OutOfMemoryError("simulated");
                }
                return "a,b\n".charAt((int) (read % 4));
            }
        };

        // when / then
        assertThatThrownBy(() -> store.save("f.csv", FileFormat.CSV, "text/csv", "alice", "marketing", failing,
                Long.MAX_VALUE)).isInstanceOf(OutOfMemoryError.class);
        assertThat(count("source_upload")).isZero();
        assertThat(count("source_upload_chunk")).isZero();
    }

    @Test
    void aCsvFieldBeyondTheLimitIsRefusedWhileItArrivesBeforeTheFileIsStored() throws SQLException {
        // given a body whose second field never ends
        InputStream endless = new InputStream() {
            private long read;

            @Override
            public int read() {
                return ++read < 4 ? "a,b".charAt((int) read - 1) : '7';
            }
        };

        // when / then: refused after four bytes a character of the field limit, far below the size limit
        assertThatThrownBy(() -> store.save("n.csv", FileFormat.CSV, "text/csv", "alice", "marketing", endless,
                20L * 1024 * 1024)).isInstanceOf(SourceProblem.class)
                .hasMessage("line 1 of the CSV file has a field longer than 65536 characters");
        assertThat(count("source_upload")).isZero();
        assertThat(count("source_upload_chunk")).isZero();
    }

    @Test
    void aRefusedFileLeavesNoRowBehind() throws SQLException {
        assertThatThrownBy(() -> store.save("h.csv", FileFormat.CSV, "text/csv", "alice", "marketing",
                new ByteArrayInputStream(HostileFiles.headerlessCsv()), Long.MAX_VALUE)).isInstanceOf(SourceProblem.class);
        assertThatThrownBy(() -> store.save("z.xlsx", FileFormat.XLSX, "application/octet-stream", "alice", "marketing",
                new ByteArrayInputStream(HostileFiles.xlsxWithFarRightCell()), Long.MAX_VALUE)).isInstanceOf(SourceProblem.class);

        assertThat(count("source_upload")).isZero();
        assertThat(count("source_upload_chunk")).isZero();
        assertThat(count("source_upload_column")).isZero();
    }

    @Test
    void theColumnsAreKeptWhenStoredAndNotInferredFromTheFileAgain() throws SQLException {
        // given a stored upload
        Upload upload = store.save("f.csv", FileFormat.CSV, "text/csv", "alice", "marketing",
                new ByteArrayInputStream("id,amount\n1,2.5\n".getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE).upload();

        // when its content is gone, the columns still answer: they are read from what was kept
        execute("DELETE FROM source_upload_chunk");

        // then
        assertThat(store.columns(upload)).containsExactly(new UploadColumn("id", "id", ColumnType.BIGINT),
                new UploadColumn("amount", "amount", ColumnType.DECIMAL));
    }

    @Test
    void uploadsThatNoRequestNamesAreDeletedOnceOlderThanTheCutoff() throws SQLException {
        // given three uploads of NOW: one named by a request
        String used = saveSmall();
        String unused = saveSmall();
        String young = new UploadStore(dataSource, Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC))
                .save("y.csv", FileFormat.CSV, "text/csv", "alice", "marketing",
                        new ByteArrayInputStream("a\nb\n".getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE).upload().id();
        execute("INSERT INTO intake_request (id, title, business_unit, dataset, owner_name, purpose, layer, source_kind,"
                + " source_upload_id, refresh, retention_days, status, requester, created_at, updated_at, version)"
                + " VALUES (1, 't', 'marketing', 'd', 'alice', 'p', 'ENTITY', 'FILE', '" + used + "', 'DAILY', 30,"
                + " 'IN_PLATFORM_REVIEW', 'alice', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)");

        // when the cleanup runs with a cutoff between the old and the young uploads
        int deleted = store.deleteUnusedCreatedBefore(NOW.plusSeconds(60));

        // then only the unused old one is gone, with its content and columns
        assertThat(deleted).isEqualTo(1);
        assertThat(store.find(unused)).isEmpty();
        assertThat(store.find(used)).isPresent();
        assertThat(store.find(young)).isPresent();
        assertThat(chunkCount(unused)).isZero();
        assertThat(count("source_upload_column WHERE upload_id = '" + unused + "'")).isZero();
    }

    @Test
    void aDeletedUploadTakesItsContentAndColumnsAlong() throws SQLException {
        String id = saveSmall();

        assertThat(store.delete(id)).isTrue();
        assertThat(store.delete(id)).isFalse();
        assertThat(count("source_upload")).isZero();
        assertThat(count("source_upload_chunk")).isZero();
        assertThat(count("source_upload_column")).isZero();
    }

    private String saveSmall() {
        return store.save("s.csv", FileFormat.CSV, "text/csv", "alice", "marketing",
                new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)), Long.MAX_VALUE).upload().id();
    }

    private long count(String tableAndCondition) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + tableAndCondition)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    @Test
    void anUnknownUploadIsNotFound() {
        assertThat(store.find("no-such-id")).isEmpty();
    }

    private long chunkCount(String id) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM source_upload_chunk WHERE upload_id = '" + id + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
