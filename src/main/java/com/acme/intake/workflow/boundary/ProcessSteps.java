package com.acme.intake.workflow.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.acme.intake.workflow.entity.ProcessIds;
import com.acme.intake.workflow.entity.ProcessStep;
import com.acme.intake.workflow.entity.Step;

/**
 * The delegates the model names ({@code camunda:delegateExpression="${provisionDatasetDelegate}"}):
 * each runs the {@link ProcessStep} of the feature that does the work, found by its {@link Step}
 * qualifier, so that workflow does not import the features and the features do not import the engine.
 * Bean classes rather than producer methods, because the engine's beans map asks the container for a
 * bean's reference by its bean class.
 */
public final class ProcessSteps {

    private ProcessSteps() {
    }

    @Named(ProcessIds.BEAN_PROVISION)
    @ApplicationScoped
    public static class ProvisionDataset extends StepDelegate {

        @Inject
        @Step(ProcessIds.BEAN_PROVISION)
        ProcessStep step;

        @Override
        protected ProcessStep step() {
            return step;
        }
    }

    @Named(ProcessIds.BEAN_REGISTER_CATALOG)
    @ApplicationScoped
    public static class RegisterCatalogEntry extends StepDelegate {

        @Inject
        @Step(ProcessIds.BEAN_REGISTER_CATALOG)
        ProcessStep step;

        @Override
        protected ProcessStep step() {
            return step;
        }
    }
}
