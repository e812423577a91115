package com.acme.intake.database.boundary;

import java.util.logging.Logger;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.flywaydb.core.Flyway;

import com.acme.intake.database.control.DatabaseSettings;

/**
 * Declares the application's JTA data source and brings its schema up to date with Flyway before
 * anything else starts (observer priority {@link #ORDER}; the engine starts after it).
 */
@DataSourceDefinition(
        name = SchemaMigration.DATA_SOURCE,
        className = "com.acme.intake.database.control.ConfiguredDataSource",
        properties = {"configPrefix=" + DatabaseSettings.APP_PREFIX},
        minPoolSize = 2,
        maxPoolSize = 40,
        transactional = true)
@ApplicationScoped
public class SchemaMigration {

    public static final String DATA_SOURCE = "java:app/jdbc/intake";
    public static final int ORDER = 100;

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DATA_SOURCE)
    DataSource dataSource;

    void onStart(@Observes @Priority(ORDER) @Initialized(ApplicationScoped.class) Object event) {
        var result = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Application schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied)");
    }
}
