package com.acme.intake.workflow.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.junit.jupiter.api.Test;

/** The engine's view of CDI beans by name: resolved once per name, normal-scoped proxies kept. */
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
    void a_dependent_bean_is_created_for_each_use() {
        Object first = beans.get("perUse");
        Object second = beans.get("perUse");

        assertThat(first).isNotEqualTo(second);
        assertThat(calls).filteredOn("getBeans"::equals).hasSize(1);
        assertThat(calls).filteredOn("getReference"::equals).hasSize(2);
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

    static final class PerUse {
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
                        case "createCreationalContext" -> null;
                        case "isNormalScope" -> args[0] == ApplicationScoped.class;
                        case "getReference" -> "reference " + ++references + " of "
                                + ((Bean<?>) args[0]).getBeanClass().getSimpleName();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }
}
