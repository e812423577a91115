package com.acme.intake.workflow.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import javax.xml.datatype.DatatypeFactory;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionManager;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.acme.intake.database.boundary.SchemaMigration;

/**
 * Starts the embedded Camunda engine once the application schema is migrated, deploys the models
 * from {@code bpmn/} and {@code forms/}, and closes the engine on shutdown.
 *
 * <p>The engine uses the application's JTA data source and the container's transaction manager:
 * an intake request row and the process state it starts commit or roll back together. Jobs run on
 * the container's managed executor ({@link ManagedJobExecutor}); delegates are CDI beans found by
 * name ({@link CdiBeans}). Deployment filters duplicates: a restart with unchanged models creates
 * no new versions.
 */
@ApplicationScoped
public class ProcessEngineLifecycle {

    public static final String DEPLOYMENT_NAME = "intake-models";
    public static final String LOCK_TIME_PROPERTY = "intake.jobs.lock-time";
    public static final String DEFAULT_LOCK_TIME = "PT5M";
    private static final Logger LOG = Logger.getLogger(ProcessEngineLifecycle.class.getName());

    /** The advisory lock key of the engine's start ("intake" in ASCII). */
    static final long ENGINE_START_LOCK = 0x696e74616b65L;

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    BeanManager beanManager;

    @Inject
    @ConfigProperty(name = "intake.jobs.active", defaultValue = "true")
    boolean jobExecutorActive;

    /**
     * How long a node owns a job it acquired. A node that dies while running a job leaves it locked
     * until then; another node takes it over afterwards. Must exceed the longest job (a large load).
     */
    @Inject
    @ConfigProperty(name = LOCK_TIME_PROPERTY, defaultValue = DEFAULT_LOCK_TIME)
    String jobLockTime;

    private volatile ProcessEngine engine;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 100) @Initialized(ApplicationScoped.class) Object event) {
        engine();
    }

    @PreDestroy
    void stop() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Produces
    public synchronized ProcessEngine engine() {
        if (engine == null) {
            long start = System.nanoTime();
            engine = oneNodeAtATime(() -> {
                ProcessEngine built = configuration(lookupTransactionManager()).buildProcessEngine();
                deployModels(built);
                return built;
            });
            LOG.info(() -> "Process engine ready in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return engine;
    }

    /**
     * The engine asks {@code DatatypeFactory.newInstance()} for every due date it computes (the review
     * SLA of each new task). Without the system property that is a service-loader search through all
     * of the server's class loaders each time (a visible share of a submission's CPU in LoadBench,
     * docs/benchmarks.md); with it, one class lookup.
     * The JDK's own factory is what the search finds anyway; a property set by the operator stays.
     * Public so that the load benchmark's bare engine runs with the same setting.
     */
    public static void nameTheDatatypeFactory() {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }

    /**
     * Runs the engine's start (creating or updating its tables, deploying the models) while holding a
     * PostgreSQL advisory lock, so that nodes starting together on one database take turns: otherwise
     * two of them create the engine's tables at the same time and one fails. The lock is the
     * session's own and ends with its connection if the node dies. H2 is embedded: one node only.
     */
    private ProcessEngine oneNodeAtATime(Supplier<ProcessEngine> start) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                return start.get();
            }
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT pg_advisory_lock(" + ENGINE_START_LOCK + ")");
            }
            try {
                return start.get();
            } finally {
                try (Statement st = connection.createStatement()) {
                    st.execute("SELECT pg_advisory_unlock(" + ENGINE_START_LOCK + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the engine start lock on the application database", e);
        }
    }

    @Produces
    RuntimeService runtimeService() {
        return engine().getRuntimeService();
    }

    @Produces
    TaskService taskService() {
        return engine().getTaskService();
    }

    @Produces
    HistoryService historyService() {
        return engine().getHistoryService();
    }

    @Produces
    RepositoryService repositoryService() {
        return engine().getRepositoryService();
    }

    @Produces
    IdentityService identityService() {
        return engine().getIdentityService();
    }

    /**
     * The production engine: the settings shared with the process tests ({@link EngineConfiguration})
     * on the application's JTA data source, the container's transactions and managed threads.
     */
    ProcessEngineConfigurationImpl configuration(TransactionManager transactionManager) {
        var configuration = new JakartaTransactionProcessEngineConfiguration();
        configuration.setProcessEngineName("intake");
        configuration.setDataSource(dataSource);
        configuration.setTransactionManager(transactionManager);
        configuration.setTransactionsExternallyManaged(true);
        EngineConfiguration.configure(configuration, new CdiBeans(beanManager));
        var jobExecutor = new ManagedJobExecutor(executor, threadFactory);
        // Poll at least every 5 s when idle, so timers (review SLA) fire close to their due time.
        jobExecutor.setWaitTimeInMillis(1000);
        jobExecutor.setMaxWait(5000);
        jobExecutor.setLockTimeInMillis(lockTimeMillis(jobLockTime));
        // act_ru_job.lock_owner_ then names the node (pid@host) that holds a job, for operators.
        jobExecutor.setLockOwner(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
        configuration.setJobExecutor(jobExecutor);
        configuration.setJobExecutorActivate(jobExecutorActive);
        configuration.setJobExecutorDeploymentAware(false);
        return configuration;
    }

    /** How long a node owns a job it took: {@code intake.jobs.lock-time} in milliseconds, validated. */
    public static int lockTimeMillis(String duration) {
        Duration lockTime;
        try {
            lockTime = Duration.parse(duration);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("intake.jobs.lock-time must be an ISO-8601 duration such as PT5M, not "
                    + duration, e);
        }
        if (lockTime.compareTo(Duration.ofSeconds(1)) < 0 || lockTime.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalStateException("intake.jobs.lock-time must be between PT1S and P1D, not " + duration);
        }
        return (int) lockTime.toMillis();
    }

    private static TransactionManager lookupTransactionManager() {
        try {
            return (TransactionManager) new InitialContext().lookup("java:appserver/TransactionManager");
        } catch (NamingException e) {
            throw new IllegalStateException("The container's TransactionManager is not available", e);
        }
    }

    /** Deploys every model file; unchanged files create no new deployment (see the class comment). */
    static void deployModels(ProcessEngine engine) {
        ClassLoader loader = ProcessEngineLifecycle.class.getClassLoader();
        DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
                .name(DEPLOYMENT_NAME)
                .source("application")
                // Forms are bound with formRefBinding="deployment": a changed model must be redeployed
                // together with its forms, so filtering is by the whole set, not per resource.
                .enableDuplicateFiltering(false);
        for (String resource : ModelFiles.all(loader)) {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                builder.addInputStream(resource.substring(ModelFiles.FOLDER.length() + 1),
                        new ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Deployment deployment = builder.deploy();
        LOG.info(() -> "Models deployed as " + deployment.getId() + " at " + deployment.getDeploymentTime());
    }
}
