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
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("RUNSCRIPT FROM 'classpath:/db/migration/V4__source_uploads.sql'");
        }
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
        // given an endless body
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
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
