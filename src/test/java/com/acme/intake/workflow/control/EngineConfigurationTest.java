package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import jakarta.enterprise.inject.spi.BeanManager;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.junit.jupiter.api.Test;

import com.acme.intake.workflow.IntakeProcessTestSupport;

/**
 * The process tests judge the engine that runs in production: the engine they run on and the
 * production configuration, as {@link ProcessEngineLifecycle} builds it, agree on everything but where
 * the engine runs.
 */
class EngineConfigurationTest {

    private final ProcessEngineConfigurationImpl production = productionConfiguration();
    private final ProcessEngineConfigurationImpl processTests =
            (ProcessEngineConfigurationImpl) IntakeProcessTestSupport.processTestEngine().getProcessEngineConfiguration();

    @Test
    void both_judge_routing_rules_with_the_feel_engine_that_parses_once() {
        assertThat(production.getDmnEngineConfiguration().getFeelEngineFactory())
                .isInstanceOf(ParsedOnceFeelEngine.Factory.class);
        assertThat(processTests.getDmnEngineConfiguration().getFeelEngineFactory())
                .isInstanceOf(ParsedOnceFeelEngine.Factory.class);
        assertThat(processTests.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(ParsedOnceFeelEngine.class);
    }

    @Test
    void both_draw_ids_from_the_same_generator_and_keep_the_same_history() {
        assertThat(processTests.getIdGenerator()).hasSameClassAs(production.getIdGenerator());
        assertThat(processTests.getHistory()).isEqualTo(production.getHistory()).isEqualTo("full");
        assertThat(processTests.getDatabaseSchemaUpdate()).isEqualTo(production.getDatabaseSchemaUpdate());
        assertThat(processTests.isMetricsEnabled()).isEqualTo(production.isMetricsEnabled());
    }

    @Test
    void both_check_ids_with_the_factory_that_builds_its_message_only_on_failure() {
        assertThat(production.getCustomSessionFactories()).map(SessionFactory::getClass)
                .containsExactly(IdCheckingEntityManagerFactory.class);
        assertThat(processTests.getCustomSessionFactories()).map(SessionFactory::getClass)
                .containsExactly(IdCheckingEntityManagerFactory.class);
        assertThat(processTests.getSessionFactories().get(DbEntityManager.class))
                .isInstanceOf(IdCheckingEntityManagerFactory.class);
    }

    @Test
    void both_resolve_expressions_with_camundas_own_expression_manager() {
        // production leaves it to the engine, which builds Camunda's default over the beans map
        assertThat(production.getExpressionManager()).isNull();
        assertThat(production.getBeans()).isInstanceOf(CdiBeans.class);
        assertThat(processTests.getExpressionManager()).hasSameClassAs(new JuelExpressionManager());
    }

    private static ProcessEngineConfigurationImpl productionConfiguration() {
        var lifecycle = new ProcessEngineLifecycle();
        lifecycle.jobLockTime = ProcessEngineLifecycle.DEFAULT_LOCK_TIME;
        lifecycle.jobExecutorActive = true;
        lifecycle.beanManager = (BeanManager) Proxy.newProxyInstance(EngineConfigurationTest.class.getClassLoader(),
                new Class<?>[] {BeanManager.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException("no bean is looked up while configuring");
                });
        return lifecycle.configuration(null);
    }
}
