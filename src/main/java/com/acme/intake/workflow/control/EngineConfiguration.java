package com.acme.intake.workflow.control;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;

/**
 * What every engine of the application is built with, the production engine
 * ({@link ProcessEngineLifecycle}) and the process tests' in-memory engine alike: the history level,
 * the id generator, the id check that builds its message only on failure, the FEEL engine that parses
 * once, and the beans the models name. The process tests therefore judge the engine that runs in
 * production; only where it runs differs (data source, transactions, job executor), and that is the
 * caller's part.
 *
 * <p>Expressions are resolved by Camunda's own expression manager in both: it looks up the beans map
 * handed here, and also Camunda's {@code Mocks}, which are empty outside tests.
 */
public final class EngineConfiguration {

    private EngineConfiguration() {
    }

    /** Applies the shared settings to a configuration not yet built, and returns it. */
    public static <C extends ProcessEngineConfigurationImpl> C configure(C configuration, Map<Object, Object> beans) {
        ProcessEngineLifecycle.nameTheDatatypeFactory();
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // full history: the inbox explains a routing from the decision's recorded inputs, and a task
        // already completed is told apart from one that never existed
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        // UUIDs: nodes sharing one database draw no id blocks from a common counter
        configuration.setIdGenerator(new StrongUuidGenerator());
        IdCheckingEntityManagerFactory.configure(configuration);
        ParsedOnceFeelEngine.configure(configuration);
        configuration.setBeans(beans);
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        return configuration;
    }
}
