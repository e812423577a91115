package com.acme.intake.provisioning.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import com.acme.intake.catalog.control.WarehouseComments;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.provisioning.entity.ProvisioningFailure;
import com.acme.intake.provisioning.entity.SqlIdentifier;

/**
 * Sets a staging table's comments to the catalog's descriptions, in one warehouse transaction
 * (PostgreSQL; H2 commits each comment). Names are validated identifiers, quoted; the texts are
 * escaped literals ({@link StagingDdl#literal}).
 */
@ApplicationScoped
public class WarehouseCatalogComments implements WarehouseComments {

    @Resource(lookup = Warehouse.DATA_SOURCE)
    DataSource dataSource;

    @Override
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
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ProvisioningFailure("could not set the comments of " + table + " (SQLSTATE " + e.getSQLState()
                    + ")", e.getSQLState());
        }
    }

    private static String text(String comment) {
        return comment == null || comment.isEmpty() ? "NULL" : StagingDdl.literal(comment);
    }
}
