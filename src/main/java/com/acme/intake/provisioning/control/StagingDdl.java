package com.acme.intake.provisioning.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.kernel.SqlIdentifier;

/**
 * The SQL a load runs, per dialect, in the order the loader runs it: {@link #prepare},
 * {@link #createWorkTable}, {@link #insertRow} (H2) or {@link #copyIn} (PostgreSQL), {@link #swap};
 * {@link #dropWorkTable} cleans up after a failure. {@link #script} shows all of it, and is what
 * the golden files under {@code src/test/resources/golden/} pin down.
 * <p>
 * Every identifier is a {@link SqlIdentifier} and is quoted. The only user text in the SQL is
 * the comments, written as string literals by {@link #literal}. On PostgreSQL the {@code analyst}
 * role gets {@code USAGE} on the schema and {@code SELECT} on each staging table, nothing more: no
 * default privileges, and every privilege the work table may have inherited (from default privileges
 * a DBA set, or {@code PUBLIC}) is revoked before a row goes in.
 */
public final class StagingDdl {

    /** The role analysts query staging tables as (PostgreSQL). */
    public static final SqlIdentifier ANALYST = new SqlIdentifier("analyst");

    private final WarehouseDialect dialect;
    private final LoadPlan plan;
    private final String target;
    private final String work;

    public StagingDdl(WarehouseDialect dialect, LoadPlan plan) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.target = qualified(plan.table());
        this.work = qualified(plan.workTable());
    }

    /**
     * The schema's setup, in a short transaction of its own before the load: on PostgreSQL the
     * {@code analyst} role if it is missing and its {@code USAGE} on the schema. These statements
     * update rows shared by every load (the schema's ACL), and PostgreSQL refuses two concurrent
     * updates of one catalog row ("tuple concurrently updated"): a schema-wide advisory lock
     * serialises them, held only for this short transaction, so loads of different tables still run
     * in parallel.
     */
    public List<String> schema() {
        List<String> sql = new ArrayList<>();
        if (dialect == WarehouseDialect.POSTGRESQL) {
            sql.add("SELECT pg_advisory_xact_lock(" + lockId(LoadPlan.SCHEMA.name()) + ")");
            sql.add("""
                    DO $$
                    BEGIN
                        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '%s') THEN
                            CREATE ROLE %s NOLOGIN;
                        END IF;
                    EXCEPTION
                        WHEN duplicate_object OR unique_violation THEN NULL;
                    END
                    $$""".formatted(ANALYST.name(), ANALYST.quoted()));
        }
        sql.add("CREATE SCHEMA IF NOT EXISTS " + LoadPlan.SCHEMA.quoted());
        if (dialect == WarehouseDialect.POSTGRESQL) {
            sql.add("GRANT USAGE ON SCHEMA " + LoadPlan.SCHEMA.quoted() + " TO " + ANALYST.quoted());
        }
        return sql;
    }

    /**
     * Before the work table is created: on PostgreSQL, string literals that mean what they say
     * whatever the server's setting and a lock that serialises loads of the same table across
     * nodes; then the removal of a work table a crashed run left behind.
     */
    public List<String> prepare() {
        List<String> sql = new ArrayList<>();
        if (dialect == WarehouseDialect.POSTGRESQL) {
            sql.add("SET LOCAL standard_conforming_strings = on");
            sql.add("SELECT pg_advisory_xact_lock(" + lockId() + ")");
        }
        sql.add(dropWorkTable());
        return sql;
    }

    /** The work table, with the staging columns; on PostgreSQL without any privilege for others. */
    public List<String> createWorkTable() {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + work + " (\n" + plan.createdColumns().stream()
                .map(column -> "    " + column.name().quoted() + " " + dialect.sqlType(column))
                .collect(Collectors.joining(",\n")) + "\n)");
        if (dialect == WarehouseDialect.POSTGRESQL) {
            sql.add("REVOKE ALL ON TABLE " + work + " FROM PUBLIC");
            sql.add("REVOKE ALL ON TABLE " + work + " FROM " + ANALYST.quoted());
        }
        return sql;
    }

    /** H2: the statement each row is inserted with, one parameter per created column. */
    public String insertRow() {
        List<LoadPlan.Column> columns = plan.createdColumns();
        return "INSERT INTO " + work + " (" + columnList() + ") VALUES ("
                + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** PostgreSQL: the COPY that streams rows into the work table, in binary format (no text parsing on the server). */
    public String copyIn() {
        return "COPY " + work + " (" + columnList() + ") FROM STDIN (FORMAT binary)";
    }

    /**
     * The work table becomes the target: the old target is dropped, the work table renamed, the
     * comments set and, on PostgreSQL, {@code analyst} granted read access. On PostgreSQL these
     * run in the load's single transaction; H2 commits each DDL statement on its own.
     */
    public List<String> swap() {
        List<String> sql = new ArrayList<>();
        sql.add("DROP TABLE IF EXISTS " + target);
        sql.add("ALTER TABLE " + work + " RENAME TO " + plan.table().quoted());
        if (plan.tableComment() != null) {
            sql.add("COMMENT ON TABLE " + target + " IS " + literal(plan.tableComment()));
        }
        for (LoadPlan.Column column : plan.createdColumns()) {
            String comment = column.comment();
            if (comment != null) {
                sql.add("COMMENT ON COLUMN " + target + "." + column.name().quoted() + " IS " + literal(comment));
            }
        }
        if (dialect == WarehouseDialect.POSTGRESQL) {
            sql.add("GRANT SELECT ON TABLE " + target + " TO " + ANALYST.quoted());
        }
        return sql;
    }

    public String dropWorkTable() {
        return "DROP TABLE IF EXISTS " + work;
    }

    /**
     * Every statement of a load, phase by phase, each ended by {@code ;}, with the transaction
     * boundaries the loader uses — for review and the golden files.
     */
    public String script() {
        StringBuilder script = new StringBuilder();
        if (dialect == WarehouseDialect.POSTGRESQL) {
            appendPhase(script, "schema setup: a short transaction of its own, serialised across loads",
                    List.of("BEGIN"));
            appendPhase(script, "schema", schema());
            appendPhase(script, "schema ready", List.of("COMMIT"));
            appendPhase(script, "one transaction from here to COMMIT", List.of("BEGIN"));
        } else {
            appendPhase(script, "schema", schema());
        }
        appendPhase(script, "prepare", prepare());
        appendPhase(script, "create the work table", createWorkTable());
        if (dialect == WarehouseDialect.POSTGRESQL) {
            appendPhase(script, "load: COPY in binary format, streamed in chunks", List.of(copyIn()));
            appendPhase(script, "swap", swap());
            appendPhase(script, "success", List.of("COMMIT"));
            appendPhase(script, "on failure, instead: nothing of the load remains", List.of("ROLLBACK"));
        } else {
            appendPhase(script, "load: batches of " + WarehouseLoader.H2_BATCH + " rows, each committed", List.of(insertRow()));
            appendPhase(script, "swap: H2 commits each DDL statement on its own", swap());
            appendPhase(script, "on failure, instead", List.of(dropWorkTable()));
        }
        return script.toString();
    }

    /**
     * {@code text} as an SQL string literal: quotes doubled, and every control character (NUL, line
     * breaks, tabs, DEL, C1) and every unpaired surrogate replaced by a space, so a comment cannot
     * break a statement, a log line or a driver. Backslashes need no escaping: H2 never treats them
     * specially, and PostgreSQL does not under {@code standard_conforming_strings}, which
     * {@link #prepare} turns on for the load's transaction.
     */
    public static String literal(String text) {
        StringBuilder literal = new StringBuilder(text.length() + 2).append('\'');
        text.codePoints().forEach(cp -> {
            if (cp == '\'') {
                literal.append("''");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.SURROGATE) {
                literal.append(' ');
            } else {
                literal.appendCodePoint(cp);
            }
        });
        return literal.append('\'').toString();
    }

    /**
     * The key of the PostgreSQL advisory lock for the target: the first 8 bytes of the SHA-256 of
     * its qualified name, so every node computes the same key without coordination.
     */
    long lockId() {
        return lockId(plan.qualifiedName());
    }

    /** An advisory lock key for a name (a table's qualified name, or the schema's name). */
    static long lockId(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long id = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                id = (id << 8) | (hash[i] & 0xff);
            }
            return id;
        } catch (NoSuchAlgorithmException e) {
            // every Java SE runtime must provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private String columnList() {
        return plan.createdColumns().stream().map(c -> c.name().quoted()).collect(Collectors.joining(", "));
    }

    private static String qualified(SqlIdentifier table) {
        return LoadPlan.SCHEMA.quoted() + "." + table.quoted();
    }

    private static void appendPhase(StringBuilder script, String phase, List<String> statements) {
        script.append("-- ").append(phase).append('\n');
        statements.forEach(statement -> script.append(statement).append(";\n"));
        script.append('\n');
    }
}
