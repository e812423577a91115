package com.acme.intake.workflow.entity;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * Which service task of the model a {@link ProcessStep} does, by the delegate's bean name in
 * {@link ProcessIds} (e.g. {@code @Step(ProcessIds.BEAN_PROVISION)}).
 */
@Qualifier
@Retention(RUNTIME)
@Target({TYPE, FIELD, PARAMETER, METHOD})
public @interface Step {

    String value();
}
