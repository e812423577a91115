package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine with the application's entity manager: same rows, same refusals, messages built only on failure. */
class IdCheckingEntityManagerFactoryTest {

    ProcessEngine engine;

    private ProcessEngineConfigurationImpl engine(IdGenerator ids) {
        var configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:id-checking;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("id-checking-test")
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setJobExecutorActivate(false);
        configuration.setIdGenerator(ids);
        IdCheckingEntityManagerFactory.configure(configuration);
        engine = configuration.buildProcessEngine();
        return configuration;
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void the_engine_uses_it_and_stores_a_process_as_before() {
        var configuration = engine(new StrongUuidGenerator());
        DbEntityManager manager = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager());
        assertThat(manager).isInstanceOf(IdCheckingEntityManagerFactory.IdCheckingEntityManager.class);

        engine.getRepositoryService().createDeployment().addModelInstance("one-task.bpmn",
                Bpmn.createExecutableProcess("oneTask").startEvent().userTask("review").endEvent().done()).deploy();
        String id = engine.getRuntimeService().startProcessInstanceByKey("oneTask", Map.of("requestId", 7L)).getId();

        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(id).singleResult().getTaskDefinitionKey())
                .isEqualTo("review");
        assertThat(engine.getRuntimeService().getVariable(id, "requestId")).isEqualTo(7L);
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id).count())
                .isEqualTo(1);
    }

    @Test
    void an_entity_with_the_reserved_id_is_refused_with_camundas_message() {
        var configuration = engine(new StrongUuidGenerator());
        Command<Void> insertStar = context -> {
            context.getDbEntityManager().insert(new PropertyEntity("*", "value"));
            return null;
        };

        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(insertStar))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity PropertyEntity[name=*, revision=0, value=value] has an invalid id")
                .hasMessageContaining("cannot be *");
    }

    @Test
    void the_message_is_built_only_for_an_id_that_fails() {
        var manager = new IdCheckingEntityManagerFactory.IdCheckingEntityManager(new StrongUuidGenerator(), null);
        var valid = new Described("0a4c596c-eb9b-11f1-a130-0242ac120002");
        var star = new Described("*");
        var none = new Described(null);

        manager.validateId(valid);
        assertThatThrownBy(() -> manager.validateId(star)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity described * has an invalid id");
        assertThatThrownBy(() -> manager.validateId(none)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity described null has an invalid id");

        assertThat(valid.described).hasValue(0);
        assertThat(star.described).hasValue(1);
        assertThat(none.described).hasValue(1);
    }

    /** An entity that counts how often it is described. */
    private static final class Described implements DbEntity {
        final AtomicInteger described = new AtomicInteger();
        private String id;

        Described(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            this.id = id;
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            described.incrementAndGet();
            return "described " + id;
        }
    }
}
