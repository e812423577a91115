package com.acme.intake.workflow.control;

import java.util.AbstractMap;
import java.util.Set;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

/**
 * Lets the engine's expression language resolve {@code ${someBean}} to the CDI bean named
 * {@code someBean}, so delegates and listeners named in the BPMN are ordinary CDI beans with
 * injection. Handed to the engine as its beans map; it is looked up by name only, never iterated.
 */
final class CdiBeans extends AbstractMap<Object, Object> {

    private final BeanManager beanManager;

    CdiBeans(BeanManager beanManager) {
        this.beanManager = beanManager;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && !beanManager.getBeans(name).isEmpty();
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name)) {
            return null;
        }
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(name));
        if (bean == null) {
            return null;
        }
        return beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
