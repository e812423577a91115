package com.acme.intake.workflow.control;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.util.EnsureUtil;

/**
 * The engine's entity manager, with one change: before every insert Camunda 7.24 checks the new
 * row's id with a message built in advance, {@code "Entity " + entity + " has an invalid id"}, and
 * the entity's {@code toString()} lists all its fields. A submission inserts some 40 rows, and those
 * messages were a visible share of the server's CPU (docs/benchmarks.md). Here the same check runs first and the
 * message is built only for an id that fails it; the exception and its text are Camunda's own.
 */
public final class IdCheckingEntityManagerFactory extends DbEntityManagerFactory {

    public IdCheckingEntityManagerFactory(IdGenerator idGenerator) {
        super(idGenerator);
    }

    /** Replaces the engine's entity manager factory; call after the id generator is set. */
    public static void configure(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getIdGenerator() == null) {
            throw new IllegalStateException("set the engine's id generator before its entity manager");
        }
        List<SessionFactory> custom = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        // custom factories are registered after the defaults, by session type: this one replaces Camunda's
        custom.add(new IdCheckingEntityManagerFactory(configuration.getIdGenerator()));
        configuration.setCustomSessionFactories(custom);
    }

    @Override
    public DbEntityManager openSession() {
        return new IdCheckingEntityManager(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
    }

    /** Camunda's entity manager with the id check in the order described above. */
    static final class IdCheckingEntityManager extends DbEntityManager {

        IdCheckingEntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void validateId(DbEntity dbEntity) {
            String id = dbEntity.getId();
            if (id == null || "*".equals(id)) { // what ensureValidIndividualResourceId refuses
                EnsureUtil.ensureValidIndividualResourceId("Entity " + dbEntity + " has an invalid id", id);
            }
        }
    }
}
