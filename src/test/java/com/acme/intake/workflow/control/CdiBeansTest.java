package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The engine's view of CDI beans by name: resolved once per name, normal-scoped proxies kept, and a
 * {@code @Dependent} instance released when the engine's command that used it ends.
 */
class CdiBeansTest {

    /** What the engine calls: every call is counted by method name. */
    private final List<String> calls = new ArrayList<>();
    private int references;

    private final Bean<?> status = bean(RequestStatusLike.class, ApplicationScoped.class);
    private final Bean<?> perUse = bean(PerUse.class, Dependent.class);
    private final Map<String, Bean<?>> named = Map.of("requestStatus", status, "perUse", perUse);

    private final CdiBeans beans = new CdiBeans(beanManager());

    @Test
    void a_normal_scoped_bean_is_resolved_and_referenced_once_per_name() {
        assertThat(beans.containsKey("requestStatus")).isTrue();
        Object first = beans.get("requestStatus");
        assertThat(beans.containsKey("requestStatus")).isTrue();
        Object second = beans.get("requestStatus");

        assertThat(first).isSameAs(second).isEqualTo("reference 1 of " + RequestStatusLike.class.getSimpleName());
        assertThat(calls).filteredOn("getBeans"::equals).hasSize(1);
        assertThat(calls).filteredOn("getReference"::equals).hasSize(1);
    }

    @Test
    void a_dependent_bean_is_created_for_each_use_and_released_when_its_command_ends() {
        ProcessEngine engine = engine();
        try {
            // when
            engine.getRuntimeService().startProcessInstanceByKey("usesPerUse");
            engine.getRuntimeService().startProcessInstanceByKey("usesPerUse");

            // then
            assertThat(instances).hasSize(2);
            assertThat(instances.get(0)).isNotSameAs(instances.get(1));
            assertThat(instances).allSatisfy(instance -> {
                assertThat(instance.ran).isTrue();
                assertThat(instance.releasedWhileRunning).as("released only after its use").isFalse();
                assertThat(instance.context.releases).as("released once, after the command").isEqualTo(1);
            });
            assertThat(calls).filteredOn("getBeans"::equals).hasSize(1);
        } finally {
            engine.close();
        }
    }

    @Test
    void a_dependent_bean_is_released_when_its_command_fails() {
        ProcessEngine engine = engine();
        try {
            // given
            failing = true;

            // when
            Throwable thrown = catchThrowable(() -> engine.getRuntimeService().startProcessInstanceByKey("usesPerUse"));

            // then
            assertThat(thrown).hasMessage("the delegate failed");
            assertThat(instances).singleElement().satisfies(instance ->
                    assertThat(instance.context.releases).isEqualTo(1));
        } finally {
            engine.close();
        }
    }

    @Test
    void a_dependent_bean_outside_an_engine_command_is_refused_for_nothing_would_release_it() {
        assertThatThrownBy(() -> beans.get("perUse"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("perUse");
        assertThat(calls).doesNotContain("getReference", "createCreationalContext");
    }

    @Test
    void an_unknown_name_or_a_non_string_key_is_no_bean() {
        assertThat(beans.containsKey("nobody")).isFalse();
        assertThat(beans.get("nobody")).isNull();
        assertThat(beans.containsKey(42)).isFalse();
        assertThat(beans.get(42)).isNull();
        assertThat(calls).filteredOn("getBeans"::equals).hasSize(1);
        assertThat(beans.entrySet()).isEmpty();
    }

    static final class RequestStatusLike {
    }

    /** A delegate of the kind a @Dependent bean would be: it notes whether it was released before it ran. */
    final class PerUse implements JavaDelegate {
        final RecordingContext context;
        boolean ran;
        boolean releasedWhileRunning;

        PerUse(RecordingContext context) {
            this.context = context;
        }

        @Override
        public void execute(DelegateExecution execution) {
            ran = true;
            releasedWhileRunning = context.releases > 0;
            if (failing) {
                throw new IllegalStateException("the delegate failed");
            }
        }
    }

    /** Stands for the container's creational context: releasing it is what destroys a @Dependent instance. */
    static final class RecordingContext implements CreationalContext<Object> {
        int releases;

        @Override
        public void push(Object incompleteInstance) {
        }

        @Override
        public void release() {
            releases++;
        }
    }

    private final List<PerUse> instances = new ArrayList<>();
    private boolean failing;

    /** An engine built as the application builds it, on its own in-memory database, with these beans. */
    private ProcessEngine engine() {
        ProcessEngine engine = EngineConfiguration.configure(new StandaloneInMemProcessEngineConfiguration(), beans)
                .setJdbcUrl("jdbc:h2:mem:cdi-beans-test;DB_CLOSE_DELAY=-1")
                .setProcessEngineName("cdi-beans-test")
                .setJobExecutorActivate(false)
                .buildProcessEngine();
        engine.getRepositoryService().createDeployment()
                .addModelInstance("usesPerUse.bpmn", Bpmn.createExecutableProcess("usesPerUse")
                        .startEvent()
                        .serviceTask().camundaDelegateExpression("${perUse}")
                        .endEvent()
                        .done())
                .deploy();
        return engine;
    }

    private static Bean<?> bean(Class<?> type, Class<?> scope) {
        return (Bean<?>) Proxy.newProxyInstance(CdiBeansTest.class.getClassLoader(), new Class<?>[] {Bean.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBeanClass" -> type;
                    case "getScope" -> scope;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "bean " + type.getSimpleName();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private BeanManager beanManager() {
        return (BeanManager) Proxy.newProxyInstance(CdiBeansTest.class.getClassLoader(),
                new Class<?>[] {BeanManager.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return switch (method.getName()) {
                        case "getBeans" -> named.containsKey((String) args[0])
                                ? Set.of(named.get((String) args[0])) : Set.of();
                        case "resolve" -> {
                            @SuppressWarnings("unchecked")
                            Set<Bean<?>> candidates = (Set<Bean<?>>) args[0];
                            yield candidates.isEmpty() ? null : candidates.iterator().next();
                        }
                        case "createCreationalContext" -> new RecordingContext();
                        case "isNormalScope" -> args[0] == ApplicationScoped.class;
                        case "getReference" -> {
                            references++;
                            if (args[0] == perUse) {
                                PerUse instance = new PerUse((RecordingContext) args[2]);
                                instances.add(instance);
                                yield instance;
                            }
                            yield "reference " + references + " of " + ((Bean<?>) args[0]).getBeanClass().getSimpleName();
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
