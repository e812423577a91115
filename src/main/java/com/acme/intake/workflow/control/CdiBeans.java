package com.acme.intake.workflow.control;

import java.util.AbstractMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

/**
 * Lets the engine's expression language resolve {@code ${someBean}} to the CDI bean named
 * {@code someBean}, so delegates and listeners named in the BPMN are ordinary CDI beans with
 * injection. Handed to the engine as its beans map; it is looked up by name only, never iterated.
 *
 * <p>The engine asks for a name twice per expression (contains, then get), on every task and
 * service call. Which bean a name resolves to cannot change once the application is deployed, so
 * the resolution is kept per name; so is the reference of a normal-scoped bean, which is a client
 * proxy that finds the current instance itself. A {@code @Dependent} bean is created anew for each
 * use and belongs to that use alone: its creational context is released when the engine's command
 * that asked for it ends, committed or failed, so the instance is destroyed (its {@code @PreDestroy}
 * runs) instead of being held by the context for the life of the application.
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
        if (beanManager.isNormalScope(bean.getScope())) {
            Object reference = beanManager.getReference(bean, bean.getBeanClass(), beanManager.createCreationalContext(bean));
            proxies.putIfAbsent(name, reference);
            return reference;
        }
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            // Nothing would ever release the instance: the engine resolves beans only inside commands.
            throw new IllegalStateException("The @Dependent bean " + name + " was asked for outside an engine command");
        }
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        Object reference = beanManager.getReference(bean, bean.getBeanClass(), context);
        command.registerCommandContextListener(new ReleaseWhenDone(context));
        return reference;
    }

    /**
     * A command's context tells its listeners it closes before it flushes, and again that it failed
     * when the flush or the commit fails: the instance is released at the first of the two.
     */
    private static final class ReleaseWhenDone implements CommandContextListener {

        private final CreationalContext<?> context;
        private final AtomicBoolean released = new AtomicBoolean();

        ReleaseWhenDone(CreationalContext<?> context) {
            this.context = context;
        }

        @Override
        public void onCommandContextClose(CommandContext commandContext) {
            release();
        }

        @Override
        public void onCommandFailed(CommandContext commandContext, Throwable failure) {
            release();
        }

        private void release() {
            if (released.compareAndSet(false, true)) {
                context.release();
            }
        }
    }

    private Optional<Bean<?>> bean(String name) {
        return resolved.computeIfAbsent(name, n -> Optional.ofNullable(beanManager.resolve(beanManager.getBeans(n))));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return Set.of();
    }
}
