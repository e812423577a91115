package com.acme.intake.workflow.control;

import java.util.AbstractMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Lets the engine's expression language resolve {@code ${someBean}} to the CDI bean named
 * {@code someBean}, so delegates and listeners named in the BPMN are ordinary CDI beans with
 * injection. Handed to the engine as its beans map; it is looked up by name only, never iterated.
 *
 * <p>The engine asks for a name twice per expression (contains, then get), on every task and
 * service call. Which bean a name resolves to cannot change once the application is deployed, so
 * the resolution is kept per name; so is the reference of a normal-scoped bean, which is a client
 * proxy that finds the current instance itself. A {@code @Dependent} bean is created anew each time,
 * as before.
 */
final class CdiBeans extends AbstractMap<Object, Object> {

    private final BeanManager beanManager;
    private final ConcurrentMap<String, Optional<Bean<?>>> resolved = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Object> proxies = new ConcurrentHashMap<>();

    CdiBeans(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && bean(name).isPresent();
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Object proxy = proxies.get(name);
        if (proxy != null) {
            return proxy;
        }
        Bean<?> bean = bean(name).orElse(null);
        if (bean == null) {
            return null;
        }
        Object reference = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
        if (beanManager.isNormalScope(bean.getScope())) {
            proxies.putIfAbsent(name, reference);
        }
        return reference;
    }

    private Optional<Bean<?>> bean(String name) {
        return resolved.computeIfAbsent(name, n -> Optional.ofNullable(beanManager.resolve(beanManager.getBeans(n))));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
