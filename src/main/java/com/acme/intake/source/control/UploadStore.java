package com.acme.intake.source.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.Upload;
import com.acme.intake.source.entity.UploadColumn;

/**
 * Uploaded files in the application database (tables {@code source_upload} and
 * {@code source_upload_chunk}, see {@code V4__source_uploads.sql}), with the columns found when it
 * was stored ({@code source_upload_column}, V8). A body is written chunk by chunk as it arrives and
 * read back the same way, so at most one chunk of a file is in memory. Plain JDBC: callers provide
 * the transaction (an upload is stored whole or not at all).
 */
final class UploadStore {

    static final int CHUNK_BYTES = 256 * 1024;

    /** A stored upload with what its analysis found. */
    record Saved(Upload upload, List<UploadColumn> columns) {
    }

    private final DataSource dataSource;
    private final Clock clock;

    UploadStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores the body (at most {@code maxBytes}, else {@link SourceProblem.Kind#TOO_LARGE} as soon as
     * the limit is passed), detects a CSV file's character set on the way, then reads the stored file
     * once to find its columns and rows ({@link SourceProblem.Kind#UNREADABLE_FILE} if it is no valid
     * CSV or XLSX). Run it in a transaction so a refused upload leaves nothing behind; whatever
     * fails, an {@link Error} included (which a container may commit rather than roll back), the rows
     * written so far are deleted before the failure goes on.
     */
    Saved save(String fileName, FileFormat format, String contentType, String uploadedBy, String businessUnit,
            InputStream body, long maxBytes) {
        String id = UUID.randomUUID().toString();
        // Microseconds: what both databases keep, so a stored upload reads back equal.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = dataSource.getConnection()) {
            try {
                return store(connection, id, now, fileName, format, contentType, uploadedBy, businessUnit, body,
                        maxBytes);
            } catch (Throwable failure) {
                try {
                    delete(connection, id);
                } catch (SQLException | RuntimeException e) {
                    failure.addSuppressed(e);
                }
                throw failure;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("storing an upload failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private Saved store(Connection connection, String id, Instant now, String fileName, FileFormat format,
            String contentType, String uploadedBy, String businessUnit, InputStream body, long maxBytes)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source_upload (id, file_name,"
                + " file_format, content_type, encoding, size_bytes, row_count, uploaded_by, business_unit, created_at)"
                + " VALUES (?, ?, ?, ?, NULL, 0, 0, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, fileName);
            insert.setString(3, format.name());
            insert.setString(4, contentType);
            insert.setString(5, uploadedBy);
            insert.setString(6, businessUnit);
            insert.setTimestamp(7, Timestamp.from(now));
            insert.executeUpdate();
        }
        Utf8Detector detector = new Utf8Detector();
        InputStream limited = new LimitedInputStream(body, maxBytes);
        long size = writeChunks(connection, id,
                format == FileFormat.CSV ? CsvShapeLimit.bytes(limited, FileLimits.DEFAULT) : limited, detector);
        if (size == 0) {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, "the file is empty");
        }
        Charset charset = format == FileFormat.CSV ? detector.charset() : null;
        FileRowSource.Analysis analysis = new FileRowSource("the uploaded file", format, charset, content(id))
                .analyse();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE source_upload SET encoding = ?, size_bytes = ?, row_count = ? WHERE id = ?")) {
            update.setString(1, charset == null ? null : charset.name());
            update.setLong(2, size);
            update.setLong(3, analysis.rowCount());
            update.setString(4, id);
            update.executeUpdate();
        }
        insertColumns(connection, id, analysis.columns());
        Upload upload = new Upload(id, fileName, format, contentType, charset == null ? null : charset.name(), size,
                analysis.rowCount(), uploadedBy, businessUnit, now);
        return new Saved(upload, analysis.columns());
    }

    private static void insertColumns(Connection connection, String id, List<UploadColumn> columns) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO source_upload_column"
                + " (upload_id, column_no, name, header, column_type) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < columns.size(); i++) {
                UploadColumn column = columns.get(i);
                insert.setString(1, id);
                insert.setInt(2, i);
                insert.setString(3, column.name());
                insert.setString(4, column.header() == null ? "" : column.header());
                insert.setString(5, column.type().name());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The columns found when the upload was stored. An upload stored before they were kept is
     * analysed once and its columns kept from then on.
     */
    List<UploadColumn> columns(Upload upload) {
        try (Connection connection = dataSource.getConnection()) {
            List<UploadColumn> columns = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("SELECT name, header, column_type"
                    + " FROM source_upload_column WHERE upload_id = ? ORDER BY column_no")) {
                query.setString(1, upload.id());
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new UploadColumn(rs.getString(1), rs.getString(2), ColumnType.valueOf(rs.getString(3))));
                    }
                }
            }
            if (columns.isEmpty()) {
                columns.addAll(rowSource(upload).uploadColumns());
                try {
                    insertColumns(connection, upload.id(), columns);
                } catch (SQLException e) {
                    // Another caller kept them first: the same columns.
                }
            }
            return List.copyOf(columns);
        } catch (SQLException e) {
            throw new IllegalStateException("reading an upload's columns failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Deletes an upload with its content and columns; false when there was none. */
    boolean delete(String id) {
        try (Connection connection = dataSource.getConnection()) {
            return delete(connection, id) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("deleting an upload failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /**
     * Deletes the uploads created before {@code cutoff} that no request names: abandoned after a
     * form was left, or replaced on revision. Returns how many were deleted.
     */
    int deleteUnusedCreatedBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM source_upload WHERE created_at < ?"
                        + " AND NOT EXISTS (SELECT 1 FROM intake_request r WHERE r.source_upload_id = source_upload.id)")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting unused uploads failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** Chunks and columns go with the upload (ON DELETE CASCADE); deleted explicitly all the same. */
    private static int delete(Connection connection, String id) throws SQLException {
        for (String table : List.of("source_upload_chunk", "source_upload_column")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE upload_id = ?")) {
                delete.setString(1, id);
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM source_upload WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate();
        }
    }

    private static long writeChunks(Connection connection, String id, InputStream in, Utf8Detector detector)
            throws SQLException {
        byte[] buffer = new byte[CHUNK_BYTES];
        long size = 0;
        try (PreparedStatement chunk = connection.prepareStatement(
                "INSERT INTO source_upload_chunk (upload_id, chunk_no, content) VALUES (?, ?, ?)")) {
            for (int number = 0; ; number++) {
                int filled = in.readNBytes(buffer, 0, buffer.length);
                if (filled == 0) {
                    return size;
                }
                detector.update(buffer, 0, filled);
                chunk.setString(1, id);
                chunk.setInt(2, number);
                chunk.setBytes(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
                chunk.executeUpdate();
                size += filled;
            }
        } catch (IOException e) {
            throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE, "the upload was interrupted");
        }
    }

    Optional<Upload> find(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT id, file_name, file_format, content_type,"
                        + " encoding, size_bytes, row_count, uploaded_by, business_unit, created_at"
                        + " FROM source_upload WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Upload(rs.getString(1), rs.getString(2), FileFormat.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading an upload failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    /** The upload's bytes, streamed a chunk at a time from the database. */
    Content content(String id) {
        return () -> new ChunkInputStream(id);
    }

    FileRowSource rowSource(Upload upload) {
        Charset charset = upload.encoding() == null ? null : Charset.forName(upload.encoding());
        return new FileRowSource("upload " + upload.id(), upload.format(), charset, content(upload.id()));
    }

    /** Reads chunk after chunk, each with a short-lived connection, so a long load holds none between them. */
    private final class ChunkInputStream extends InputStream {

        private final String id;
        private byte[] chunk = new byte[0];
        private int position;
        private int next;
        private boolean ended;

        ChunkInputStream(String id) {
            this.id = id;
        }

        @Override
        public int read() {
            if (!available(1)) {
                return -1;
            }
            return chunk[position++] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (!available(1)) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        private boolean available(int wanted) {
            while (!ended && chunk.length - position < wanted) {
                chunk = fetch(next++);
                position = 0;
                ended = chunk == null;
                if (ended) {
                    chunk = new byte[0];
                }
            }
            return chunk.length - position >= wanted;
        }

        private byte[] fetch(int number) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement query = connection.prepareStatement(
                            "SELECT content FROM source_upload_chunk WHERE upload_id = ? AND chunk_no = ?")) {
                query.setString(1, id);
                query.setInt(2, number);
                try (ResultSet rs = query.executeQuery()) {
                    return rs.next() ? rs.getBytes(1) : null;
                }
            } catch (SQLException e) {
                throw new SourceProblem(SourceProblem.Kind.UNREADABLE_FILE,
                        "the stored upload cannot be read (SQLState " + e.getSQLState() + ")");
            }
        }
    }
}
