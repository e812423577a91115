package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
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
 *   <li><b>PostgreSQL</b>: a short first transaction sets up what all loads share (the schema, the
 *       {@code analyst} role and its use of the schema), serialised by a schema-wide advisory lock
 *       because PostgreSQL refuses concurrent updates of one catalog row. Then the whole load is one
 *       transaction — drop of a leftover work table,
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
    /** Bytes of COPY data collected before they are sent; bounds the memory a load uses. */
    static final int COPY_CHUNK = 64 * 1024;

    /** Chunks waiting to be sent; with the one being filled and the one being sent, the memory a load holds. */
    static final int QUEUED_CHUNKS = 4;

    private static final Logger LOG = Logger.getLogger(WarehouseLoader.class.getName());
    /**
     * Serialises loads of one table on H2: a fixed set of locks chosen by the table's name, so that
     * the set does not grow with every table ever loaded (two tables may share a lock; they then
     * load one after the other).
     */
    private static final ReentrantLock[] H2_LOCKS = new ReentrantLock[64];

    static {
        for (int i = 0; i < H2_LOCKS.length; i++) {
            H2_LOCKS[i] = new ReentrantLock();
        }
    }

    /** The longest a load may take on PostgreSQL by default ({@code intake.warehouse.load-timeout}). */
    public static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofMinutes(4);

    private final ThreadFactory threads;
    private final Duration loadTimeout;

    /** A loader that starts its reading thread (PostgreSQL) as a plain daemon thread. */
    public WarehouseLoader() {
        this(task -> {
            Thread thread = new Thread(task, "warehouse-loader-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A loader whose reading thread comes from {@code threads} — in the container its
     * {@code ManagedThreadFactory}. A dedicated thread rather than a pooled task: the load itself
     * may run on the pool, and waiting on a task queued behind it would deadlock.
     */
    public WarehouseLoader(ThreadFactory threads) {
        this(threads, DEFAULT_LOAD_TIMEOUT);
    }

    /**
     * A loader whose PostgreSQL loads end, failed, once they have taken {@code loadTimeout}: each
     * statement runs under the {@code statement_timeout} that is left (the COPY of all rows is one),
     * and a source that stops delivering rows is closed when the time is up. So a load never outlives
     * the job's lock, and no other node starts the same load while this one still runs.
     */
    public WarehouseLoader(ThreadFactory threads, Duration loadTimeout) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.loadTimeout = Objects.requireNonNull(loadTimeout, "loadTimeout");
    }

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
        Run run = new Run(plan, maskers, wanted, System.nanoTime() + loadTimeout.toNanos());
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
            bound(connection, run);
            execute(connection, ddl.schema());
            connection.commit();
            bound(connection, run);
            execute(connection, ddl.prepare());
            run.step = "creating the work table";
            bound(connection, run);
            execute(connection, ddl.createWorkTable());
            run.step = "writing rows into the work table";
            bound(connection, run);
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(ddl.copyIn());
            new Pipeline(run, source, threads, loadTimeout).copyInto(copy);
            long written = copy.endCopy();
            run.step = "replacing the target table";
            bound(connection, run);
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

    /**
     * Lets the next statement of this transaction run only as long as the load has left; none at
     * all once the time is up.
     */
    private void bound(Connection connection, Run run) throws SQLException {
        long left = TimeUnit.NANOSECONDS.toMillis(run.deadline - System.nanoTime());
        if (left <= 0) {
            throw timedOut(run, loadTimeout);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL statement_timeout = " + left);
        }
    }

    static ProvisioningFailure timedOut(Run run, Duration loadTimeout) {
        return new ProvisioningFailure(run.step + " for " + run.plan.qualifiedName() + " failed: the load took longer"
                + " than the warehouse load timeout (intake.warehouse.load-timeout, " + loadTimeout + ") after "
                + run.rowsRead + " rows read", "57014");
    }

    private long loadH2(Run run, StagingDdl ddl, RowSource source, Connection connection) throws SQLException {
        ReentrantLock lock = H2_LOCKS[Math.floorMod(run.plan.qualifiedName().hashCode(), H2_LOCKS.length)];
        lock.lock();
        try {
            run.step = "preparing the staging schema";
            execute(connection, ddl.schema());
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
        String state = SqlStates.of(e);
        return new ProvisioningFailure(step + " for " + plan.qualifiedName() + " failed: "
                + SqlStates.meaning(state)
                + " (SQLSTATE " + (state == null ? "unknown" : state) + ")", state);
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
        /** System.nanoTime() by which a PostgreSQL load must be done. */
        final long deadline;
        volatile String step = "identifying the warehouse";
        volatile long rowsRead;
        /** The open source cursor, for the sending side to close when the time is up. */
        volatile RowCursor cursor;

        Run(LoadPlan plan, ColumnMasker[] maskers, List<SourceColumn> wanted, long deadline) {
            this.plan = plan;
            this.maskers = maskers;
            this.wanted = wanted;
            this.deadline = deadline;
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
                RowCursor opened = source.open(wanted);
                cursor = opened;
                return opened;
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
     * PostgreSQL's side of a load in two threads, so that reading and masking overlap with sending
     * and with the server's parsing: a reading thread opens the cursor, masks every value and
     * encodes the rows into chunks of about {@link #COPY_CHUNK} bytes; the calling thread, which
     * owns the warehouse connection, sends them. At most {@link #QUEUED_CHUNKS} chunks wait in
     * between, so memory stays flat whatever the table's size. Either side's failure stops the other.
     */
    private static final class Pipeline {
        private static final byte[] END = new byte[0];

        private final Run run;
        private final RowSource source;
        private final ThreadFactory threads;
        private final Duration loadTimeout;
        private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(QUEUED_CHUNKS);
        private volatile boolean aborted;
        private volatile Throwable readFailure;

        Pipeline(Run run, RowSource source, ThreadFactory threads, Duration loadTimeout) {
            this.run = run;
            this.source = source;
            this.threads = threads;
            this.loadTimeout = loadTimeout;
        }

        void copyInto(CopyIn copy) throws SQLException {
            Thread reader = threads.newThread(this::read);
            if (reader == null) {
                throw new ProvisioningFailure("no thread to read the source of " + run.plan.qualifiedName() + " with");
            }
            reader.start();
            try {
                for (byte[] chunk = take(); chunk != END; chunk = take()) {
                    copy.writeToCopy(chunk, 0, chunk.length);
                }
            } catch (SQLException | RuntimeException e) {
                aborted = true;
                drainUntilEnd();
                throw e;
            } finally {
                join(reader);
            }
            Throwable failure = readFailure;
            if (failure instanceof SQLException sql) {
                throw sql;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
        }

        private void read() {
            try {
                CopyBinaryRows rows = new CopyBinaryRows(run.plan);
                run.readAll(source, rows::append, () -> {
                    if (aborted) {
                        throw new Aborted();
                    }
                    if (rows.size() >= COPY_CHUNK) {
                        put(rows.take());
                    }
                });
                rows.finish();
                put(rows.take());
            } catch (Aborted e) {
                // the sending side failed and reports its own error
            } catch (SQLException | RuntimeException | Error e) {
                readFailure = e;
            } finally {
                putEnd();
            }
        }

        /**
         * The next chunk, waiting at most until the deadline. When the time is up the source is closed
         * (a JDBC source's connection, which ends a read that hangs), and the load fails.
         */
        private byte[] take() {
            try {
                byte[] chunk = chunks.poll(Math.max(0, run.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (chunk == null) {
                    aborted = true;
                    ProvisioningFailure timedOut = timedOut(run, loadTimeout);
                    RowCursor open = run.cursor;
                    if (open != null) {
                        try {
                            open.close();
                        } catch (RuntimeException e) {
                            // the reading thread ends with its own failure, which the timeout outranks
                        }
                    }
                    throw timedOut;
                }
                return chunk;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                aborted = true;
                throw new ProvisioningFailure("loading " + run.plan.qualifiedName() + " was interrupted");
            }
        }

        private void put(byte[] chunk) {
            try {
                chunks.put(chunk);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Aborted();
            }
        }

        /** The end marker always arrives, so the sender never waits forever. */
        private void putEnd() {
            boolean interrupted = false;
            while (true) {
                try {
                    chunks.put(END);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private void drainUntilEnd() {
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    if (chunks.take() == END) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        private static void join(Thread reader) {
            boolean interrupted = false;
            while (reader.isAlive()) {
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Unwinds the reading thread's loop when the sending side has failed. */
        private static final class Aborted extends RuntimeException {
            Aborted() {
                super(null, null, false, false);
            }
        }
    }
}
