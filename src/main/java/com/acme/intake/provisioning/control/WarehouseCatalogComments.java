package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.kernel.SqlIdentifier;

/**
 * Sets a staging table's comments to the catalog's descriptions, in one warehouse transaction
 * that commits with the caller's (JTA) transaction, which stores the catalog revision: the
 * statements run at once, so an error rolls the revision back, but the warehouse commits only
 * once the revision has committed, and rolls back when it does not. (H2 commits each comment on
 * its own; PostgreSQL, the production warehouse, keeps them in the transaction.)
 * <p>
 * Names are validated identifiers, quoted; the texts are literals ({@link StagingDdl#literal}).
 * PostgreSQL cannot bind parameters in {@code COMMENT}, so the transaction first sets
 * {@code standard_conforming_strings = on}: whatever the server or database default, a backslash
 * in a literal is then a plain character and a description cannot end the literal early.
 */
@ApplicationScoped
public class WarehouseCatalogComments {

    private static final Logger LOG = Logger.getLogger(WarehouseCatalogComments.class.getName());

    @Resource(lookup = Warehouse.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Sets the comments of a staging table: {@code table} is {@code staging.<business_unit>__<dataset>},
     * {@code columnComments} holds a comment (an empty string clears it) for every loaded column.
     */
    public void apply(String table, String tableComment, Map<String, String> columnComments) {
        String prefix = LoadPlan.SCHEMA.name() + ".";
        if (!table.startsWith(prefix)) {
            throw new IllegalArgumentException("not a staging table: " + table);
        }
        String target = LoadPlan.SCHEMA.quoted() + "." + new SqlIdentifier(table.substring(prefix.length())).quoted();
        List<String> statements = new ArrayList<>();
        statements.add("COMMENT ON TABLE " + target + " IS " + text(tableComment));
        columnComments.forEach((column, comment) -> statements.add(
                "COMMENT ON COLUMN " + target + "." + new SqlIdentifier(column).quoted() + " IS " + text(comment)));
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                if (WarehouseDialect.of(connection) == WarehouseDialect.POSTGRESQL) {
                    statement.execute("SET LOCAL standard_conforming_strings = on");
                }
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
            finishWithCallersTransaction(connection, table);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                end(connection, false, table);
            }
            if (e instanceof SQLException sql) {
                throw new ProvisioningFailure("could not set the comments of " + table + " (SQLSTATE "
                        + sql.getSQLState() + ")", sql.getSQLState());
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Commits the warehouse transaction after the caller's transaction has committed, rolls it back
     * otherwise. Without a caller's transaction, commits at once.
     */
    private void finishWithCallersTransaction(Connection connection, String table) throws SQLException {
        if (transactions == null || transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            connection.commit();
            connection.setAutoCommit(true);
            connection.close();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                end(connection, status == Status.STATUS_COMMITTED, table);
            }
        });
    }

    private static void end(Connection connection, boolean commit, String table) {
        try (connection) {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            // after the catalog's commit nothing can be undone: the next revision sets the comments again
            LOG.log(Level.SEVERE, "could not " + (commit ? "commit" : "roll back") + " the comments of " + table
                    + " (SQLSTATE " + e.getSQLState() + ")");
        }
    }

    private static String text(String comment) {
        return comment == null || comment.isEmpty() ? "NULL" : StagingDdl.literal(comment);
    }
}
