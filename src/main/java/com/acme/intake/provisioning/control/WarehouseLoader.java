package com.acme.intake.provisioning.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import com.acme.intake.masking.control.ColumnMasker;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.LoadResult;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;

/**
 * Provisions one masked staging table: streams the rows of a {@link RowSource}, masks every value
 * with the column's {@link ColumnMasker}, writes the rows into a fresh work table and lets the work
 * table replace the target. Raw values exist only in this JVM, between the cursor and the masker:
 * what reaches the warehouse, work table included, is masked.
 *
 * <h2>Atomicity</h2>
 * <ul>
 *   <li><b>PostgreSQL</b>: the whole load is one transaction — drop of a leftover work table,
 *       creation of the work table, COPY, drop of the old target, rename, comments, grants. Until
 *       it commits, analysts read the old target; a failure or a crash rolls everything back. A
 *       transaction-scoped advisory lock per target makes concurrent loads of one table (two nodes,
 *       a retry racing a slow run) wait for each other instead of interfering.</li>
 *   <li><b>H2</b> commits every DDL statement on its own. Rows go in with batches of
 *       {@value #H2_BATCH}, committed per batch into the work table (which analysts never use).
 *       Between dropping the old target and renaming the work table there is a short window
 *       without a target; a crash inside it leaves the complete work table and no target, and a
 *       crash just after the rename leaves the target without comments. Both are repaired by the
 *       next run, which drops the leftover work table and provisions from scratch. Loads of one
 *       table are serialised within this JVM (the embedded H2 warehouse serves one JVM).</li>
 * </ul>
 * A failure drops the work table (H2) or rolls it back (PostgreSQL) and leaves the target as it was,
 * except for the H2 window above. The connection's auto-commit mode is restored afterwards.
 *
 * <h2>Errors</h2>
 * Everything becomes a {@link ProvisioningFailure} whose message has no data value: the source's
 * {@link SourceProblem} messages are values-free by contract; masking errors name the column and
 * the value's class; database errors are described by their SQLSTATE only, because driver messages
 * quote values.
 * <p>
 * Not thread-safe: one loader per thread (its maskers reuse buffers); a new loader is cheap.
 */
public class WarehouseLoader {

    /** Rows per JDBC batch on H2. */
    public static final int H2_BATCH = 1000;
    /** Characters of COPY data collected before they are sent; bounds the memory a load uses. */
    static final int COPY_CHUNK = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(WarehouseLoader.class.getName());
    private static final ConcurrentMap<String, ReentrantLock> H2_LOCKS = new ConcurrentHashMap<>();

    /** Provisions with a connection of {@code warehouse}, closed afterwards. */
    public LoadResult load(LoadPlan plan, RowSource source, DataSource warehouse) {
        try (Connection connection = warehouse.getConnection()) {
            return load(plan, source, connection);
        } catch (SQLException e) {
            throw failure(plan, "connecting to the warehouse", e);
        }
    }

    /**
     * Provisions {@code plan}'s table from {@code source} over {@code warehouse}, in its own local
     * transaction(s); the connection must not take part in a global (JTA) transaction. The
     * connection stays open.
     *
     * @throws ProvisioningFailure when the source cannot be read, a value cannot be masked or
     *                             written, or the warehouse refuses a statement
     */
    public LoadResult load(LoadPlan plan, RowSource source, Connection warehouse) {
        long started = System.nanoTime();
        List<LoadPlan.Column> columns = plan.createdColumns();
        ColumnMasker[] maskers = new ColumnMasker[columns.size()];
        for (int i = 0; i < maskers.length; i++) {
            LoadPlan.Column column = columns.get(i);
            try {
                maskers[i] = ColumnMasker.compile(column.masking(), column.type(), plan.key());
            } catch (IllegalArgumentException e) {
                throw new ProvisioningFailure("column " + column.name() + " of " + plan.qualifiedName()
                        + " cannot be masked: " + e.getMessage());
            }
        }
        List<SourceColumn> wanted = columns.stream()
                .map(column -> new SourceColumn(column.name().name(), column.type(), true))
                .toList();
        Run run = new Run(plan, maskers, wanted);
        try {
            WarehouseDialect dialect = WarehouseDialect.of(warehouse);
            StagingDdl ddl = new StagingDdl(dialect, plan);
            boolean autoCommit = warehouse.getAutoCommit();
            warehouse.setAutoCommit(false);
            try {
                long written = dialect == WarehouseDialect.POSTGRESQL
                        ? loadPostgres(run, ddl, source, warehouse)
                        : loadH2(run, ddl, source, warehouse);
                LoadResult result = new LoadResult(run.rowsRead, written,
                        (System.nanoTime() - started) / 1_000_000, plan.key().id(), plan.qualifiedName());
                LOG.info(() -> "Provisioned " + result.table() + ": " + result.rowsRead() + " rows read, "
                        + result.rowsWritten() + " written in " + result.durationMillis() + " ms, key id "
                        + result.keyId());
                return result;
            } finally {
                restore(warehouse, autoCommit);
            }
        } catch (SQLException e) {
            throw failure(plan, run.step, e);
        } catch (SqlAbort e) {
            throw failure(plan, run.step, e.sql());
        }
    }

    private static void restore(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            // a connection that cannot even do this is broken; the pool discards it
            LOG.fine(() -> "Restoring auto-commit failed (SQLSTATE " + e.getSQLState() + ")");
        }
    }

    private long loadPostgres(Run run, StagingDdl ddl, RowSource source, Connection connection) throws SQLException {
        CopyIn copy = null;
        try {
            run.step = "preparing the staging schema";
            execute(connection, ddl.prepare());
            run.step = "creating the work table";
            execute(connection, ddl.createWorkTable());
            run.step = "writing rows into the work table";
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(ddl.copyIn());
            CopyIn active = copy;
            CopyRows rows = new CopyRows(run.plan, run.maskers.length);
            run.readAll(source, rows::append, () -> {
                if (rows.size() >= COPY_CHUNK) {
                    rows.sendTo(active);
                }
            });
            rows.sendTo(copy);
            long written = copy.endCopy();
            run.step = "replacing the target table";
            execute(connection, ddl.swap());
            connection.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            if (copy != null && copy.isActive()) {
                cancelQuietly(copy);
            }
            rollbackQuietly(connection);
            throw e;
        }
    }

    private long loadH2(Run run, StagingDdl ddl, RowSource source, Connection connection) throws SQLException {
        ReentrantLock lock = H2_LOCKS.computeIfAbsent(run.plan.qualifiedName(), name -> new ReentrantLock());
        lock.lock();
        try {
            run.step = "preparing the staging schema";
            execute(connection, ddl.prepare());
            run.step = "creating the work table";
            execute(connection, ddl.createWorkTable());
            connection.commit();
            run.step = "writing rows into the work table";
            long[] written = {0};
            try (PreparedStatement insert = connection.prepareStatement(ddl.insertRow())) {
                int[] pending = {0};
                run.readAll(source, (index, value) -> bind(insert, index, value, run), () -> {
                    addBatch(insert);
                    if (++pending[0] == H2_BATCH) {
                        written[0] += flush(insert, connection);
                        pending[0] = 0;
                    }
                });
                written[0] += flush(insert, connection);
            }
            run.step = "replacing the target table";
            execute(connection, ddl.swap());
            connection.commit();
            return written[0];
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute(ddl.dropWorkTable());
                connection.commit();
            } catch (SQLException cleanup) {
                // the next run drops the leftover work table before anything else
                LOG.warning(() -> "Could not drop the work table of " + run.plan.qualifiedName()
                        + " after a failure (SQLSTATE " + cleanup.getSQLState() + "); the next run drops it");
            }
            throw e;
        } finally {
            lock.unlock();
        }
    }

    private static void bind(PreparedStatement insert, int index, Object value, Run run) {
        try {
            if (value == null) {
                insert.setNull(index + 1, WarehouseDialect.jdbcType(run.plan.createdColumns().get(index).resultType()));
            } else {
                insert.setObject(index + 1, value);
            }
        } catch (SQLException e) {
            throw new SqlAbort(e);
        }
    }

    private static void addBatch(PreparedStatement insert) {
        try {
            insert.addBatch();
        } catch (SQLException e) {
            throw new SqlAbort(e);
        }
    }

    private static long flush(PreparedStatement insert, Connection connection) {
        try {
            long written = 0;
            for (int count : insert.executeBatch()) {
                written += count == Statement.SUCCESS_NO_INFO ? 1 : count;
            }
            connection.commit();
            return written;
        } catch (SQLException e) {
            throw new SqlAbort(e);
        }
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void cancelQuietly(CopyIn copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException e) {
            // the rollback that follows, or closing the connection, ends the COPY anyway
            LOG.fine(() -> "Cancelling COPY failed (SQLSTATE " + e.getSQLState() + ")");
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the original failure matters more; a broken connection is discarded by the pool
            LOG.fine(() -> "Rollback after a failed load failed (SQLSTATE " + e.getSQLState() + ")");
        }
    }

    /** A database error as a failure: the step and the SQLSTATE's meaning, never the driver's message. */
    static ProvisioningFailure failure(LoadPlan plan, String step, SQLException e) {
        String state = sqlState(e);
        return new ProvisioningFailure(step + " for " + plan.qualifiedName() + " failed: " + meaning(state)
                + " (SQLSTATE " + (state == null ? "unknown" : state) + ")", state);
    }

    private static String sqlState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            if (next.getSQLState() != null) {
                return next.getSQLState();
            }
            if (next instanceof BatchUpdateException && next.getCause() instanceof SQLException cause
                    && cause.getSQLState() != null) {
                return cause.getSQLState();
            }
        }
        return null;
    }

    private static String meaning(String state) {
        if (state == null) {
            return "database error";
        }
        if (state.equals("42501")) {
            return "the warehouse user lacks a privilege";
        }
        if (state.equals("2BP01")) {
            return "other objects (such as views) depend on the target table";
        }
        if (state.equals("57014")) {
            return "the statement was cancelled or timed out";
        }
        return switch (state.length() < 2 ? "" : state.substring(0, 2)) {
            case "08" -> "the connection to the warehouse failed";
            case "22" -> "a value does not fit its column";
            case "23" -> "a value violates a constraint";
            case "28" -> "the warehouse refused the credentials";
            case "40" -> "the transaction was rolled back by the warehouse";
            case "42" -> "the warehouse refused a statement";
            case "53" -> "the warehouse ran out of resources";
            default -> "database error";
        };
    }

    /** Carries an SQLException through the row loop's callbacks, which cannot throw it. */
    private static final class SqlAbort extends RuntimeException {
        SqlAbort(SQLException cause) {
            super(null, cause, false, false);
        }

        SQLException sql() {
            return (SQLException) getCause();
        }
    }

    @FunctionalInterface
    private interface ValueSink {
        void accept(int index, Object value);
    }

    /** State of one load: its maskers, the step it is at (for messages) and the rows read. */
    private static final class Run {
        final LoadPlan plan;
        final ColumnMasker[] maskers;
        final List<SourceColumn> wanted;
        String step = "identifying the warehouse";
        long rowsRead;

        Run(LoadPlan plan, ColumnMasker[] maskers, List<SourceColumn> wanted) {
            this.plan = plan;
            this.maskers = maskers;
            this.wanted = wanted;
        }

        /**
         * Reads every row, hands each masked value to {@code values} and calls {@code rowDone} after
         * each row. Translates what can go wrong into failures without data values.
         */
        void readAll(RowSource source, ValueSink values, Runnable rowDone) throws SQLException {
            try (RowCursor cursor = open(source)) {
                while (next(cursor)) {
                    rowsRead++;
                    for (int i = 0; i < maskers.length; i++) {
                        Object raw = get(cursor, i);
                        Object masked;
                        try {
                            masked = maskers[i].mask(raw);
                        } catch (IllegalArgumentException e) {
                            throw new ProvisioningFailure("row " + rowsRead + ", column " + wanted.get(i).name()
                                    + " of " + plan.qualifiedName() + ": " + e.getMessage());
                        }
                        values.accept(i, masked);
                    }
                    rowDone.run();
                }
            } catch (SqlAbort e) {
                throw e.sql();
            } catch (ProvisioningFailure e) {
                throw e;
            } catch (SourceProblem e) {
                throw sourceFailure(e, "closing the source");
            } catch (RuntimeException e) {
                throw unexpected(e, "closing the source");
            }
        }

        private RowCursor open(RowSource source) {
            try {
                return source.open(wanted);
            } catch (SourceProblem e) {
                throw sourceFailure(e, "opening the source");
            }
        }

        private boolean next(RowCursor cursor) {
            try {
                return cursor.next();
            } catch (SourceProblem e) {
                throw sourceFailure(e, "reading row " + (rowsRead + 1));
            } catch (RuntimeException e) {
                throw unexpected(e, "reading row " + (rowsRead + 1));
            }
        }

        private Object get(RowCursor cursor, int index) {
            try {
                return cursor.get(index);
            } catch (SourceProblem e) {
                throw sourceFailure(e, "reading column " + wanted.get(index).name() + " of row " + rowsRead);
            } catch (RuntimeException e) {
                throw unexpected(e, "reading column " + wanted.get(index).name() + " of row " + rowsRead);
            }
        }

        private ProvisioningFailure sourceFailure(SourceProblem e, String what) {
            return new ProvisioningFailure(what + " for " + plan.qualifiedName() + " failed: " + e.kind()
                    + ": " + e.getMessage());
        }

        /** Another exception's message may quote a value, so only its class is named. */
        private ProvisioningFailure unexpected(RuntimeException e, String what) {
            return new ProvisioningFailure(what + " for " + plan.qualifiedName() + " failed: "
                    + e.getClass().getName());
        }
    }

    /**
     * Rows in PostgreSQL's COPY text format: columns separated by tabs, rows ended by a newline,
     * {@code \N} for NULL, and backslash, tab, newline and carriage return escaped with a backslash.
     * Collected as characters and sent as UTF-8 (the driver always talks UTF-8) in chunks of about
     * {@link #COPY_CHUNK} characters.
     */
    static final class CopyRows {
        private final LoadPlan plan;
        private final int width;
        private final StringBuilder buffer = new StringBuilder(COPY_CHUNK + 4096);
        private long row = 1;

        CopyRows(LoadPlan plan, int width) {
            this.plan = plan;
            this.width = width;
        }

        void append(int index, Object value) {
            if (value == null) {
                buffer.append("\\N");
            } else if (value instanceof String text) {
                appendText(index, text);
            } else if (value instanceof Boolean bool) {
                buffer.append(bool ? 't' : 'f');
            } else if (value instanceof LocalDate date) {
                appendDate(date, null);
            } else if (value instanceof LocalDateTime dateTime) {
                appendDate(dateTime.toLocalDate(), dateTime);
            } else if (value instanceof BigDecimal decimal) {
                buffer.append(decimal.toPlainString());
            } else if (value instanceof Double || value instanceof Float) {
                appendFloating(((Number) value).doubleValue(), value);
            } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof BigInteger) {
                buffer.append(value);
            } else {
                throw new ProvisioningFailure("row " + row + ", column " + plan.createdColumns().get(index).name()
                        + " of " + plan.qualifiedName() + ": values of class " + value.getClass().getName()
                        + " cannot be written");
            }
            if (index == width - 1) {
                buffer.append('\n');
                row++;
            } else {
                buffer.append('\t');
            }
        }

        int size() {
            return buffer.length();
        }

        void sendTo(CopyIn copy) {
            if (buffer.isEmpty()) {
                return;
            }
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            buffer.setLength(0);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                throw new SqlAbort(e);
            }
        }

        String text() {
            return buffer.toString();
        }

        private void appendText(int index, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    case '\0' -> throw new ProvisioningFailure("row " + row + ", column "
                            + plan.createdColumns().get(index).name() + " of " + plan.qualifiedName()
                            + ": the value contains a NUL character, which PostgreSQL text cannot hold");
                    default -> buffer.append(c);
                }
            }
        }

        private void appendFloating(double number, Object value) {
            if (Double.isNaN(number)) {
                buffer.append("NaN");
            } else if (Double.isInfinite(number)) {
                buffer.append(number > 0 ? "Infinity" : "-Infinity");
            } else {
                buffer.append(value);
            }
        }

        /** ISO dates, with PostgreSQL's {@code BC} for years before 1 (ISO year 0 is 1 BC). */
        private void appendDate(LocalDate date, LocalDateTime time) {
            int year = date.getYear();
            int shown = year > 0 ? year : 1 - year;
            if (shown < 1000) {
                buffer.append(shown < 10 ? "000" : shown < 100 ? "00" : "0");
            }
            buffer.append(shown).append('-');
            twoDigits(date.getMonthValue());
            buffer.append('-');
            twoDigits(date.getDayOfMonth());
            if (time != null) {
                buffer.append(' ').append(time.toLocalTime());
            }
            if (year <= 0) {
                buffer.append(" BC");
            }
        }

        private void twoDigits(int value) {
            if (value < 10) {
                buffer.append('0');
            }
            buffer.append(value);
        }
    }
}
