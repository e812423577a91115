package com.acme.intake.workflow.control;

import java.util.List;
import java.util.function.Function;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.commons.utils.cache.Cache;
import org.camunda.commons.utils.cache.ConcurrentLruCache;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.FeelEngine.UnaryTests$;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

import camundajar.impl.scala.collection.immutable.Map;
import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;

/**
 * Camunda's FEEL engine for DMN, parsing each expression once instead of at every evaluation.
 *
 * <p>{@link ScalaFeelEngine} hands the expression text to the FEEL engine, which parses it again for
 * every evaluation: with the routing decision's three input expressions and nine input entries, the
 * parsing was the largest part of a process start's CPU after the engine's own bookkeeping (README
 * "Benchmarks"). The FEEL engine evaluates a parsed expression exactly as it evaluates the text (its
 * {@code evalExpression} is {@code parseExpression} followed by {@code eval}), so the result and the
 * errors are the same; only the parsing is kept, per expression text, in a bounded cache. The texts
 * come from deployed models, never from a request. Custom FEEL functions
 * ({@code dmnFeelCustomFunctionProviders}) are not handed on: the application defines none.
 */
public class ParsedOnceFeelEngine extends ScalaFeelEngine {

    /** More distinct expressions than the deployed models hold; beyond it the least recently used are parsed again. */
    static final int CACHE_SIZE = 2_000;

    private final Cache<String, ParsedExpression> expressions = new ConcurrentLruCache<>(CACHE_SIZE);
    private final Cache<String, ParsedExpression> unaryTests = new ConcurrentLruCache<>(CACHE_SIZE);

    public ParsedOnceFeelEngine() {
        super(List.of());
    }

    /** Makes the engine's DMN use this FEEL engine (Camunda's defaults otherwise). */
    public static void configure(ProcessEngineConfigurationImpl configuration) {
        var dmn = configuration.getDmnEngineConfiguration() != null ? configuration.getDmnEngineConfiguration()
                : new DefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(new Factory());
        configuration.setDmnEngineConfiguration(dmn);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
        ParsedExpression parsed = parsed(expressions, expression, feelEngine::parseExpression);
        VariableProvider variables = new ContextVariableWrapper(variableContext);
        return (T) valueOf(feelEngine.eval(parsed, context(variables)));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
        ParsedExpression parsed = parsed(unaryTests, expression, feelEngine::parseUnaryTests);
        // as ScalaFeelEngine does: the input's name under the FEEL engine's key, then the variables
        var input = new StaticVariableProvider(new Map.Map1<>(UnaryTests$.MODULE$.inputVariable(), inputVariable));
        var variables = new CompositeVariableProvider(
                toScalaList(input, new ContextVariableWrapper(variableContext)));
        return BoxesRunTime.unboxToBoolean(valueOf(feelEngine.eval(parsed, context(variables))));
    }

    int cachedExpressions() {
        return expressions.size() + unaryTests.size();
    }

    private static ParsedExpression parsed(Cache<String, ParsedExpression> cache, String text,
                                           Function<String, Either<Failure, ParsedExpression>> parse) {
        ParsedExpression parsed = cache.get(text);
        if (parsed == null) {
            parsed = valueOf(parse.apply(text)); // a text that does not parse is not kept: it fails each time
            cache.put(text, parsed);
        }
        return parsed;
    }

    @SuppressWarnings("unchecked")
    private static <V> V valueOf(Either<Failure, ?> result) {
        if (result instanceof Left<Failure, ?> left) {
            throw LOGGER.evaluationException(left.value().message());
        }
        return (V) result.toOption().get();
    }

    private static CustomContext context(VariableProvider variables) {
        return new CustomContext() {
            @Override
            public VariableProvider variableProvider() {
                return variables;
            }
        };
    }

    /** For {@link DefaultDmnEngineConfiguration#setFeelEngineFactory}: one engine, shared by every evaluation. */
    public static final class Factory implements FeelEngineFactory {
        @Override
        public FeelEngine createInstance() {
            return new ParsedOnceFeelEngine();
        }
    }
}
